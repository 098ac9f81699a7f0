package dev.carrier.chat.realtime;

import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Hears auth-service end sessions: it publishes each ended session's token hash on
 * {@value #CHANNEL} in the same Redis script that deletes the session, and {@code "*"}
 * when it finds its session store emptied. The channel is auth-service's; chat-service
 * only listens, as the gateway does. Pub/sub delivers at most once, so a notice missed
 * while the subscription was down is caught by {@link SessionWatch}'s next check.
 */
@Component
class SessionEndNotices implements MessageListener {

	/** auth-service's channel (its RedisKeys.SESSIONS_ENDED_CHANNEL). */
	static final String CHANNEL = "carrier:auth:sessions-ended";

	/** The notice that every session may have ended. */
	static final String ALL_SESSIONS = "*";

	private final SessionWatch watch;

	SessionEndNotices(SessionWatch watch, RedisMessageListenerContainer container) {
		this.watch = watch;
		container.addMessageListener(this, new ChannelTopic(CHANNEL));
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String notice = new String(message.getBody(), StandardCharsets.UTF_8);
		if (ALL_SESSIONS.equals(notice)) {
			this.watch.everySessionMayHaveEnded();
		}
		else {
			this.watch.sessionEnded(notice);
		}
	}

}
