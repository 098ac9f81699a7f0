package dev.carrier.chat.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.carrier.chat.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * This instance's WebSocket sessions by user (the only state a chat-service instance
 * keeps in memory), and the delivery of every fan-out envelope to the local sessions of
 * its recipients. Hints go out only to sessions that keep up, so a flood of them never
 * closes a recipient. The sockets that take a gateway's feed get the frame as one feed
 * frame per gateway ({@link FeedBatches}).
 */
@Component
public class LocalDelivery implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

	private final Map<String, Set<ClientSession>> sessionsByUser = new ConcurrentHashMap<>();

	private final Counter delivered;

	private final ApplicationEventPublisher events;

	public LocalDelivery(RedisMessageListenerContainer container, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.events = events;
		this.delivered = Counter.builder("carrier.chat.fanout.delivered")
			.description("Events queued to local WebSocket sessions")
			.register(meters);
		container.addMessageListener(this, new ChannelTopic(RedisKeys.EVENTS_CHANNEL));
	}

	/** The user's first socket here is announced ({@link UserConnected}). */
	void register(ClientSession session) {
		boolean[] first = new boolean[1];
		this.sessionsByUser.compute(session.userId(), (id, sessions) -> {
			Set<ClientSession> held = (sessions != null) ? sessions : ConcurrentHashMap.newKeySet();
			first[0] = held.isEmpty();
			held.add(session);
			return held;
		});
		if (first[0]) {
			this.events.publishEvent(new UserConnected(session.userId()));
		}
	}

	/** The user's last socket here is announced ({@link UserDisconnected}). */
	void unregister(ClientSession session) {
		if (session.userId() == null) {
			return;
		}
		boolean[] last = new boolean[1];
		this.sessionsByUser.computeIfPresent(session.userId(), (id, sessions) -> {
			last[0] = sessions.remove(session) && sessions.isEmpty();
			return sessions.isEmpty() ? null : sessions;
		});
		if (last[0]) {
			this.events.publishEvent(new UserDisconnected(session.userId()));
		}
	}

	/** The users with at least one authenticated socket on this instance now. */
	public Set<String> connectedUsers() {
		return Set.copyOf(this.sessionsByUser.keySet());
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			FanoutEnvelope.Received envelope = FanoutEnvelope.decode(message.getBody());
			TextMessage frame = null;
			FeedBatches viaFeeds = null;
			for (String recipient : envelope.recipients()) {
				Set<ClientSession> sessions = this.sessionsByUser.get(recipient);
				if (sessions == null) {
					continue;
				}
				for (ClientSession session : sessions) {
					this.delivered.increment();
					if (session.via() != null) {
						viaFeeds = (viaFeeds != null) ? viaFeeds : new FeedBatches();
						viaFeeds.add(session.via());
						continue;
					}
					frame = (frame != null) ? frame : ClientSession.shared(envelope.frame());
					if (envelope.hint()) {
						session.offer(frame);
					}
					else {
						session.send(frame);
					}
				}
			}
			if (viaFeeds != null) {
				viaFeeds.deliver(envelope.frame(), envelope.hint());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring an unreadable fan-out envelope: {}", ex.toString());
		}
	}

}
