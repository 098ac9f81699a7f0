package dev.carrier.persistence.reactions;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** What the other features may read of reactions: those shown with messages. */
@Service
public class Reactions {

	private final ReactionStore store;

	Reactions(ReactionStore store) {
		this.store = store;
	}

	/**
	 * The present reactions of each of these messages that has any (one query for all of
	 * them), each emoji in the order of its earliest reaction, its users in the order
	 * they reacted.
	 */
	public Map<String, List<Reaction>> of(Collection<String> messageIds) {
		return this.store.present(messageIds);
	}

}
