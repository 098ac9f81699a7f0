package dev.carrier.chat.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.carrier.chat.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * This instance's WebSocket sessions by user (the only state a chat-service instance
 * keeps in memory), and the delivery of every fan-out envelope to the local sessions of
 * its recipients. Hints go out only to sessions that keep up, so a flood of them never
 * closes a recipient.
 */
@Component
public class LocalDelivery implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

	private final Map<String, Set<ClientSession>> sessionsByUser = new ConcurrentHashMap<>();

	private final JsonMapper json;

	private final Counter delivered;

	public LocalDelivery(RedisMessageListenerContainer container, JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.delivered = Counter.builder("carrier.chat.fanout.delivered")
			.description("Events queued to local WebSocket sessions")
			.register(meters);
		container.addMessageListener(this, new ChannelTopic(RedisKeys.EVENTS_CHANNEL));
	}

	void register(ClientSession session) {
		this.sessionsByUser.computeIfAbsent(session.userId(), id -> ConcurrentHashMap.newKeySet()).add(session);
	}

	void unregister(ClientSession session) {
		if (session.userId() == null) {
			return;
		}
		this.sessionsByUser.computeIfPresent(session.userId(), (id, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			JsonNode envelope = this.json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
			String frame = null;
			boolean hint = Push.isHint(envelope.path("event").path("type").asString(""));
			for (JsonNode recipient : envelope.path("recipients")) {
				Set<ClientSession> sessions = this.sessionsByUser.get(recipient.asString());
				if (sessions == null) {
					continue;
				}
				if (frame == null) {
					frame = this.json.writeValueAsString(envelope.path("event"));
				}
				for (ClientSession session : sessions) {
					if (hint) {
						session.offer(frame);
					}
					else {
						session.send(frame);
					}
					this.delivered.increment();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring an unreadable fan-out envelope: {}", ex.toString());
		}
	}

}
