package dev.carrier.chat.leases;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes sure Redis announces expired keys ({@code notify-keyspace-events} with {@code E}
 * and {@code x}), keeping whatever flags are already set. Managed Redis often forbids
 * CONFIG; then the server must be configured by hand, and the sweeper still finds every
 * expiry, later.
 */
@Component
class KeyspaceNotifications implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KeyspaceNotifications.class);

	private static final String SETTING = "notify-keyspace-events";

	private final StringRedisTemplate redis;

	KeyspaceNotifications(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			Properties config = this.redis
				.execute((RedisCallback<Properties>) connection -> connection.serverCommands().getConfig(SETTING));
			String current = (config != null) ? config.getProperty(SETTING, "") : "";
			String wanted = withExpiredEvents(current);
			if (!wanted.equals(current)) {
				this.redis.execute((RedisCallback<Object>) connection -> {
					connection.serverCommands().setConfig(SETTING, wanted);
					return null;
				});
				log.info("Set Redis {} from '{}' to '{}'", SETTING, current, wanted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not enable Redis expired-key notifications ({}); configure {} to include 'Ex' on "
					+ "the server, until then only the sweeper finds expired chats", ex.getMessage(), SETTING);
		}
	}

	static String withExpiredEvents(String flags) {
		String result = flags;
		if (!result.contains("E")) {
			result += "E";
		}
		if (!result.contains("x") && !result.contains("A")) {
			result += "x";
		}
		return result;
	}

}
