package dev.carrier.chat.realtime;

import java.util.Collection;
import java.util.List;

import dev.carrier.chat.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands an event to every chat-service instance through the Redis channel
 * {@code carrier:chat:events}; each instance delivers it to its own sessions of the
 * recipients ({@link LocalDelivery}). Recipients are always computed from the chat's
 * members at the time of the event, so a non-member never receives a chat's events.
 */
@Component
public class Fanout {

	private static final Logger log = LoggerFactory.getLogger(Fanout.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Counter published;

	public Fanout(StringRedisTemplate redis, JsonMapper json, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.published = Counter.builder("carrier.chat.fanout.published")
			.description("Events handed to the cross-instance fan-out channel")
			.register(meters);
	}

	/**
	 * Best effort: the client fills any gap from its last seen seq after a reconnect, so
	 * a failed push never fails the request that caused it.
	 */
	public void publish(Collection<String> recipients, Push event) {
		if (recipients.isEmpty()) {
			return;
		}
		try {
			this.redis.convertAndSend(RedisKeys.EVENTS_CHANNEL, encode(recipients, event));
			this.published.increment();
		}
		catch (RuntimeException ex) {
			log.warn("Could not fan out a {} event: {}", event.type(), ex.toString());
		}
	}

	/**
	 * The envelope for an event whose publication is part of an atomic Redis step (a
	 * send's confirmation publishes it in the same script); counted as published.
	 */
	public String envelope(Collection<String> recipients, Push event) {
		this.published.increment();
		return encode(recipients, event);
	}

	/**
	 * The start of an event's envelope, up to its frame, for a Redis step that writes the
	 * frame itself (the message it changed, as it stored it).
	 */
	public String envelopeHead(Collection<String> recipients) {
		this.published.increment();
		return new FanoutEnvelope(false, List.copyOf(recipients), "").encode();
	}

	private String encode(Collection<String> recipients, Push event) {
		return new FanoutEnvelope(Push.isHint(event.type()), List.copyOf(recipients),
				this.json.writeValueAsString(event))
			.encode();
	}

}
