package dev.carrier.chat.leases;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.chats.ChatsOpened;

import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps cached chats alive while they are used: every open, list, send and read renews
 * the chat's lease for {@code carrier.chat.lease-ttl} (open, list and page announce
 * {@link ChatsOpened}; send and read renew it in their own scripts).
 */
@Service
public class LeaseService {

	private final StringRedisTemplate redis;

	private final CarrierProperties properties;

	public LeaseService(StringRedisTemplate redis, CarrierProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	@EventListener
	void opened(ChatsOpened opened) {
		refresh(opened.chatIds());
	}

	public void refresh(Collection<String> chatIds) {
		if (chatIds.isEmpty()) {
			return;
		}
		Expiration ttl = Expiration.milliseconds(this.properties.chat().leaseTtl().toMillis());
		byte[] value = "1".getBytes(StandardCharsets.UTF_8);
		this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (String chatId : chatIds) {
				connection.stringCommands()
					.set(RedisKeys.lease(chatId).getBytes(StandardCharsets.UTF_8), value, ttl,
							RedisStringCommands.SetOption.upsert());
			}
			return null;
		});
	}

}
