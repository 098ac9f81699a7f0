package dev.carrier.persistence.reads;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What the other features may do with read positions: raise them (a sender has read its
 * own message) and read them for a chat's snapshot.
 */
@Service
public class ReadPositions {

	private final ReadPositionStore store;

	ReadPositions(ReadPositionStore store) {
		this.store = store;
	}

	/** Raises each position; a position never goes down. */
	public void raise(List<ReadPosition> positions) {
		this.store.upsert(positions);
	}

	public List<ReadPosition> of(Collection<String> chatIds) {
		return this.store.of(chatIds);
	}

}
