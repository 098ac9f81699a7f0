package dev.carrier.chat.leases;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.cache.ChatEviction;
import dev.carrier.chat.shared.Ids;
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
 * {@code carrier:chat:lease:<chatId>}) into an eviction attempt, which succeeds once
 * MySQL holds the chat. Redis notifications are fire-and-forget, and every instance hears
 * them; the attempt is idempotent, and {@link ExpirySweeper} catches what this misses.
 */
@Component
class LeaseExpiryListener implements MessageListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LeaseExpiryListener.class);

	private final ChatEviction eviction;

	// The Redis subscription thread only hands the work over.
	private final ExecutorService evictions = Executors.newVirtualThreadPerTaskExecutor();

	LeaseExpiryListener(RedisMessageListenerContainer container, ChatEviction eviction) {
		this.eviction = eviction;
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
		this.evictions.execute(() -> {
			try {
				this.eviction.evictIfStored(chatId, ChatEviction.Cause.NOTIFICATION);
			}
			catch (RuntimeException ex) {
				log.warn("Could not evict chat {}; the sweeper will: {}", chatId, ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		this.evictions.shutdown();
	}

}
