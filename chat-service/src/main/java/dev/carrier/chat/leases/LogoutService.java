package dev.carrier.chat.leases;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.users.AuthClient;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * When a user's last session ends, the chats nobody else is online in need not stay
 * cached for the full lease: their leases shrink to {@code carrier.chat.logout-grace}.
 */
@Service
class LogoutService {

	private final ChatAccess chats;

	private final AuthClient auth;

	private final StringRedisTemplate redis;

	private final CarrierProperties properties;

	LogoutService(ChatAccess chats, AuthClient auth, StringRedisTemplate redis, CarrierProperties properties) {
		this.chats = chats;
		this.auth = auth;
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * @return how many leases were shortened
	 */
	public int loggedOut(String userId) {
		Map<String, StoredChat> cached = this.chats.cachedChatsOf(userId)
			.stream()
			.collect(Collectors.toMap(StoredChat::id, Function.identity()));
		Set<String> others = new HashSet<>();
		cached.values().forEach(chat -> others.addAll(chat.memberIds()));
		others.remove(userId);
		Set<String> online = this.auth.online(others);
		String grace = String.valueOf(this.properties.chat().logoutGrace().toMillis());
		int shortened = 0;
		for (StoredChat chat : cached.values()) {
			boolean someoneOnline = chat.memberIds().stream().anyMatch(id -> !id.equals(userId) && online.contains(id));
			if (!someoneOnline) {
				Long result = this.redis.execute(RedisScripts.SHORTEN_LEASE, List.of(RedisKeys.lease(chat.id())),
						grace);
				if (result != null && result == 1) {
					shortened++;
				}
			}
		}
		return shortened;
	}

}
