package dev.carrier.chat.leases;

import java.time.Instant;

import dev.carrier.chat.events.ChatExpired;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Announces that a chat's lease is gone, so persistence-service flushes and evicts it.
 * Duplicates (every instance hears a notification; the sweeper may find it again) are harmless.
 */
@Component
public class ChatExpiries {

	private final EventPublisher events;

	private final MeterRegistry meters;

	public ChatExpiries(EventPublisher events, MeterRegistry meters) {
		this.events = events;
		this.meters = meters;
	}

	/** @param source {@code notification} or {@code sweeper}, for the metric */
	public void announce(String chatId, String source) {
		this.events.publish(Topics.CHAT_EXPIRED, chatId, new ChatExpired(ChatExpired.newEventId(), Instant.now(), chatId));
		this.meters.counter("carrier.chat.expiries", "source", source).increment();
	}

}
