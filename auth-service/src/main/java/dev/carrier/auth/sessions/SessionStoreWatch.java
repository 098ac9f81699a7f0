package dev.carrier.auth.sessions;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.carrier.auth.RedisKeys;

/**
 * Tells every gateway when the session store itself was lost. A wiped Redis (FLUSHALL)
 * drops no connection, so the gateways' token caches would keep answering for sessions
 * that no longer exist; once a second this sets a marker key only if it is absent, and
 * when it had to set it (the store was emptied, or this is the first start) publishes
 * {@link RedisKeys#ALL_SESSIONS_ENDED}, and every gateway forgets its whole cache.
 */
@Component
class SessionStoreWatch implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreWatch.class);

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final StringRedisTemplate redis;

	private final String marker = UUID.randomUUID().toString();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-store-watch").daemon().factory());

	SessionStoreWatch(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler.scheduleWithFixedDelay(this::check, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * @return whether the store was found empty and the gateways were told
	 */
	boolean check() {
		try {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(RedisKeys.STORE_MARKER, this.marker))) {
				this.redis.convertAndSend(RedisKeys.SESSIONS_ENDED_CHANNEL, RedisKeys.ALL_SESSIONS_ENDED);
				log.info("Session store marker was missing: every gateway was told to forget its cached tokens");
				return true;
			}
		}
		catch (RuntimeException ex) {
			// Redis is down (the gateways lose their connection too and forget on their
			// own), or
			// the connection factory is stopped for a while: an exception escaping here
			// would end
			// the scheduled checks for good, so every failure is only logged.
			log.debug("Session store check failed: {}", ex.toString());
		}
		return false;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
