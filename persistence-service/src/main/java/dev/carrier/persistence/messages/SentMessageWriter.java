package dev.carrier.persistence.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.carrier.persistence.events.DurabilityReports;
import dev.carrier.persistence.events.Topics;

import org.springframework.stereotype.Component;

/**
 * Writes sent messages so that a seq belongs to exactly one message. Two messages can
 * claim one seq only when chat-service's cache lost the chat while a send was in flight:
 * the send appended to the lost incarnation and its confirmation failed (its sender got a
 * 503), and the reloaded incarnation, with a higher generation, handed the seq out again.
 * So the higher generation keeps the seq and the other message goes to the dead-letter
 * topic, counted as superseded. Two claims of one generation would be a broken invariant:
 * the later one is dead-lettered, counted as an integrity violation and logged as an
 * error; the tests assert that this never happens.
 */
@Component
class SentMessageWriter {

	private static final Logger log = LoggerFactory.getLogger(SentMessageWriter.class);

	private final MessageStore messages;

	private final DurabilityReports reports;

	private final Counter superseded;

	private final Counter violations;

	SentMessageWriter(MessageStore messages, DurabilityReports reports, MeterRegistry registry) {
		this.messages = messages;
		this.reports = reports;
		this.superseded = Counter.builder("carrier.persistence.messages.superseded")
			.description("Unacknowledged sends whose seq a newer incarnation of the chat handed out again")
			.register(registry);
		this.violations = Counter.builder("carrier.persistence.integrity.violations")
			.description("Two messages of one generation claiming one seq (must stay 0)")
			.register(registry);
	}

	/** Call inside the batch's transaction. */
	void write(List<StoredMessage> sent) {
		Map<String, StoredMessage> byId = new LinkedHashMap<>();
		sent.forEach((message) -> byId.putIfAbsent(message.id(), message));
		Map<Slot, StoredMessage> holders = new LinkedHashMap<>();
		this.messages.holders(byId.values()).forEach((holder) -> holders.put(Slot.of(holder), holder));
		List<String> evicted = new ArrayList<>();
		Map<String, StoredMessage> accepted = new LinkedHashMap<>();
		for (StoredMessage message : byId.values()) {
			Slot slot = Slot.of(message);
			StoredMessage holder = holders.get(slot);
			if (holder == null || holder.id().equals(message.id())) {
				holders.put(slot, message);
				accepted.put(message.id(), message);
			}
			else if (message.generation() > holder.generation()) {
				supersede(holder, message);
				if (accepted.remove(holder.id()) == null) {
					evicted.add(holder.id());
				}
				holders.put(slot, message);
				accepted.put(message.id(), message);
			}
			else if (message.generation() < holder.generation()) {
				supersede(message, holder);
			}
			else {
				violate(message, holder);
			}
		}
		if (!evicted.isEmpty()) {
			this.messages.delete(evicted);
		}
		this.messages.upsert(List.copyOf(accepted.values()));
	}

	private void supersede(StoredMessage loser, StoredMessage winner) {
		log.warn(
				"Message {} of chat {} (generation {}) lost seq {} to message {} (generation {}); its send was "
						+ "never acknowledged; dead-lettered",
				loser.id(), loser.chatId(), loser.generation(), loser.seq(), winner.id(), winner.generation());
		this.reports.deadLetter(Topics.MESSAGE_SENT, loser.chatId(), loser, "superseded");
		this.superseded.increment();
	}

	private void violate(StoredMessage message, StoredMessage holder) {
		log.error(
				"Integrity violation: messages {} and {} of chat {} both claim seq {} in generation {}; "
						+ "the later one is dead-lettered",
				holder.id(), message.id(), message.chatId(), message.seq(), message.generation());
		this.reports.deadLetter(Topics.MESSAGE_SENT, message.chatId(), message, "integrity-violation");
		this.violations.increment();
	}

	private record Slot(String chatId, long seq) {

		static Slot of(StoredMessage message) {
			return new Slot(message.chatId(), message.seq());
		}

	}

}
