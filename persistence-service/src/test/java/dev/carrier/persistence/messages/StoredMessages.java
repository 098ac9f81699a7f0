package dev.carrier.persistence.messages;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes messages straight into the durable record, as the message events would, for the
 * tests of the features that read them; the store itself stays package-private.
 */
public class StoredMessages {

	private final MessageStore store;

	public StoredMessages(JdbcTemplate jdbc) {
		this.store = new MessageStore(jdbc);
	}

	public void upsert(List<StoredMessage> messages) {
		this.store.upsert(messages);
	}

}
