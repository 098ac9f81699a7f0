package dev.carrier.chat.leases;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.cache.ChatEviction;
import dev.carrier.chat.shared.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Every {@code carrier.chat.sweep-interval}, one instance at a time (a Redis lock), finds
 * the cached chats whose lease is gone (a notification nobody heard, or MySQL was behind
 * when it came) and evicts those MySQL holds.
 */
@Component
public class ExpirySweeper implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

	private final StringRedisTemplate redis;

	private final ChatEviction eviction;

	private final MeterRegistry meters;

	private final CarrierProperties.Chat settings;

	private final String holder = UUID.randomUUID().toString();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("expiry-sweeper").daemon().factory());

	public ExpirySweeper(StringRedisTemplate redis, ChatEviction eviction, MeterRegistry meters,
			CarrierProperties properties) {
		this.redis = redis;
		this.eviction = eviction;
		this.meters = meters;
		this.settings = properties.chat();
	}

	@Override
	public void afterPropertiesSet() {
		long interval = this.settings.sweepInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				sweep();
			}
			catch (RuntimeException ex) {
				log.warn("Expiry sweep failed: {}", ex.toString());
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs one sweep unless another instance is sweeping.
	 * @return how many leaseless chats were evicted, or -1 when another instance held the
	 * lock
	 */
	public int sweep() {
		Boolean locked = this.redis.opsForValue()
			.setIfAbsent(RedisKeys.SWEEPER_LOCK, this.holder, this.settings.sweepInterval());
		if (!Boolean.TRUE.equals(locked)) {
			return -1;
		}
		try {
			int found = 0;
			ScanOptions options = ScanOptions.scanOptions().match(RedisKeys.CHAT_PREFIX + "*").count(500).build();
			try (Cursor<String> keys = this.redis.scan(options)) {
				while (keys.hasNext()) {
					String chatId = keys.next().substring(RedisKeys.CHAT_PREFIX.length());
					if (Ids.isValid(chatId) && !Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.lease(chatId)))
							&& this.eviction.evictIfStored(chatId, ChatEviction.Cause.SWEEPER)) {
						found++;
					}
				}
			}
			this.meters.counter("carrier.chat.sweeps").increment();
			if (found > 0) {
				log.info("Expiry sweep evicted {} chats without a lease", found);
			}
			return found;
		}
		finally {
			this.redis.execute(RedisScripts.DELETE_IF_EQUALS, List.of(RedisKeys.SWEEPER_LOCK), this.holder);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
