package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.carrier.chat.chats.MembersChanged;
import dev.carrier.chat.events.SystemLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes "ann added bob" and "bob left" into the conversation as messages of their own,
 * through the same append, Kafka and confirmation as a person's message: they take a seq,
 * so history, exports and every device show them in their place, and MySQL keeps them.
 * Runs inside the request that changed the members, after the change is durable.
 */
@Component
class SystemLines {

	private static final Logger log = LoggerFactory.getLogger(SystemLines.class);

	private final MessageStore store;

	private final MessageAcknowledgement acknowledgement;

	SystemLines(MessageStore store, MessageAcknowledgement acknowledgement) {
		this.store = store;
		this.acknowledgement = acknowledgement;
	}

	@EventListener
	void membersChanged(MembersChanged change) {
		// Its own client id, which no person's send can take: theirs are keyed by their
		// id.
		String clientMessageId = "system:" + UUID.randomUUID();
		MessageStore.Appended appended = this.store.append(change.chatId(), change.actorId(), clientMessageId,
				MessageContent.systemLine(new SystemLine(change.change(), change.userIds(), names(change))),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		// The members' change itself is stored and answered either way; the line about it
		// is lost only when the chat left the cache in this very instant.
		if (appended.outcome() != MessageStore.Outcome.CREATED) {
			log.warn("No system line for {} in chat {}: {}", change.change(), change.chatId(), appended.outcome());
		}
		else if (this.acknowledgement.acknowledge(appended, clientMessageId).isEmpty()) {
			log.warn("System line {} of chat {} not confirmed: the chat was reloaded meanwhile", change.change(),
					change.chatId());
		}
	}

	/**
	 * The usernames of who acted and whom it concerns, as the change's own answer named
	 * them; a user auth-service did not know is left out (the line still says what
	 * happened, by id).
	 */
	private static Map<String, String> names(MembersChanged change) {
		Set<String> ids = new LinkedHashSet<>();
		ids.add(change.actorId());
		ids.addAll(change.userIds());
		Map<String, String> names = new LinkedHashMap<>();
		for (String id : ids) {
			String name = change.usernames().get(id);
			if (name != null) {
				names.put(id, name);
			}
		}
		return names;
	}

}
