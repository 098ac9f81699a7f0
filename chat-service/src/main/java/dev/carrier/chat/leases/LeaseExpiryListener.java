package dev.carrier.chat.leases;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.web.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Turns each expired lease ({@code __keyevent@*__:expired} naming a
 * {@code carrier:chat:lease:<chatId>}) into a {@code ChatExpired} event. Redis notifications
 * are fire-and-forget; {@link ExpirySweeper} catches what this misses.
 */
@Component
class LeaseExpiryListener implements MessageListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LeaseExpiryListener.class);

	private final ChatExpiries expiries;

	// Publishing waits for Kafka; the Redis subscription thread must not.
	private final ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor();

	LeaseExpiryListener(RedisMessageListenerContainer container, ChatExpiries expiries) {
		this.expiries = expiries;
		container.addMessageListener(this, new PatternTopic(RedisKeys.EXPIRED_KEY_EVENTS));
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String key = new String(message.getBody(), StandardCharsets.UTF_8);
		if (!key.startsWith(RedisKeys.LEASE_PREFIX)) {
			return;
		}
		String chatId = key.substring(RedisKeys.LEASE_PREFIX.length());
		if (!Ids.isValid(chatId)) {
			return;
		}
		this.publishers.execute(() -> {
			try {
				this.expiries.announce(chatId, "notification");
			}
			catch (RuntimeException ex) {
				log.warn("Could not announce the expiry of chat {}; the sweeper will: {}", chatId, ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.publishers.shutdown();
	}

}
