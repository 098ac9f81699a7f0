package dev.carrier.chat.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RedisKeys;
import dev.carrier.chat.RedisScripts;
import dev.carrier.chat.history.PersistenceClient;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Puts chats the cache lacks back from persistence-service's snapshots, without ever
 * rewinding one. The handshake (docs/architecture.md, "Reload"):
 * <ol>
 * <li>claim the reload in Redis while the chat is absent (begin-reload.lua);</li>
 * <li>ask persistence-service for snapshots: it first proves its consumers hold every
 * event Kafka had at that moment (so every acknowledged message), or answers 503;</li>
 * <li>install each snapshot only if the claim still stands and the chat is still absent
 * (install-snapshot.lua). A cache lost in between took the claim with it: nothing is
 * installed and the request gets a 503, so a snapshot older than the loss never becomes
 * the chat.</li>
 * </ol>
 * A reload for a member first asks persistence-service whether the caller is a member, so
 * a stranger's request never writes a key and never reloads anything.
 */
@Service
public class ChatReloader {

	private static final Logger log = LoggerFactory.getLogger(ChatReloader.class);

	/**
	 * Longer than a snapshot request can take with its retries; a claim outliving its
	 * holder expires.
	 */
	private static final Duration CLAIM_TTL = Duration.ofSeconds(30);

	private static final Duration BUSY_WAIT = Duration.ofSeconds(5);

	private static final long BUSY_POLL_MS = 25;

	private final StringRedisTemplate redis;

	private final PersistenceClient persistence;

	private final JsonMapper json;

	private final CarrierProperties.Chat settings;

	private final MeterRegistry meters;

	public ChatReloader(StringRedisTemplate redis, PersistenceClient persistence, JsonMapper json,
			CarrierProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.persistence = persistence;
		this.json = json;
		this.settings = properties.chat();
		this.meters = meters;
	}

	/**
	 * Reloads the chat for a caller the durable record knows as a member.
	 * @return false (nothing written) when the chat is unknown or the caller is not a
	 * member
	 */
	public boolean reloadForMember(String chatId, String userId) {
		if (!this.persistence.isMember(chatId, userId)) {
			return false;
		}
		reload(List.of(chatId));
		return true;
	}

	/** Reloads every chat of the user that the cache lacks. */
	public void reloadChatsOf(String userId) {
		List<String> ids = this.persistence.chatIdsOf(userId);
		reload(ids);
	}

	/**
	 * Makes each of the chats cached (when the durable record knows it), or fails.
	 * @throws ServiceUnavailable when persistence-service cannot prove its record
	 * current, or the cache was lost during the reload, or another reload of a chat did
	 * not finish in time
	 */
	public void reload(List<String> chatIds) {
		if (chatIds.isEmpty()) {
			return;
		}
		String token = UUID.randomUUID().toString();
		List<String> claimed = new ArrayList<>();
		List<String> busy = new ArrayList<>();
		for (String chatId : chatIds) {
			ReloadClaim claim = ReloadClaim.fromScript(this.redis.execute(RedisScripts.BEGIN_RELOAD,
					List.of(RedisKeys.chat(chatId), RedisKeys.reloadClaim(chatId)), token,
					String.valueOf(CLAIM_TTL.toMillis())));
			if (claim == ReloadClaim.CLAIMED) {
				claimed.add(chatId);
			}
			else if (claim == ReloadClaim.BUSY) {
				busy.add(chatId);
			}
		}
		if (!claimed.isEmpty()) {
			installClaimed(claimed, token);
		}
		busy.forEach(this::awaitOtherReload);
	}

	private void installClaimed(List<String> claimed, String token) {
		List<CacheSnapshot> snapshots;
		try {
			snapshots = this.persistence.snapshots(claimed, CacheSnapshot.class);
		}
		catch (RuntimeException ex) {
			claimed.forEach(chatId -> release(chatId, token));
			throw ex;
		}
		Set<String> known = snapshots.stream().map(CacheSnapshot::id).collect(Collectors.toSet());
		claimed.stream().filter(chatId -> !known.contains(chatId)).forEach(chatId -> release(chatId, token));
		int fenced = 0;
		for (CacheSnapshot snapshot : snapshots) {
			InstallOutcome outcome = install(snapshot, token);
			this.meters.counter("carrier.chat.reloads", "outcome", outcome.metricTag()).increment();
			if (outcome == InstallOutcome.FENCED) {
				fenced++;
			}
		}
		if (fenced > 0) {
			log.warn("{} of {} snapshots were not installed: the cache lost the reload's claim", fenced,
					snapshots.size());
			throw new ServiceUnavailable("The chat cache restarted during a reload; retry the request");
		}
	}

	private InstallOutcome install(CacheSnapshot snapshot, String token) {
		String id = snapshot.id();
		boolean direct = snapshot.directKey() != null && snapshot.memberIds().size() == 2;
		List<String> keys = new ArrayList<>(List.of(RedisKeys.chat(id), RedisKeys.members(id), RedisKeys.messages(id),
				RedisKeys.clientIds(id), RedisKeys.read(id), RedisKeys.lease(id), RedisKeys.reloadClaim(id),
				direct ? RedisKeys.direct(snapshot.memberIds().get(0), snapshot.memberIds().get(1))
						: RedisKeys.chat(id)));
		snapshot.memberIds().forEach(member -> keys.add(RedisKeys.userChats(member)));
		return InstallOutcome.fromScript(this.redis.execute(RedisScripts.INSTALL_SNAPSHOT, keys, token,
				this.json.writeValueAsString(SnapshotArgument.of(snapshot, this.json)),
				String.valueOf(this.settings.leaseTtl().toMillis()), direct ? "1" : "0"));
	}

	private void release(String chatId, String token) {
		try {
			this.redis.execute(RedisScripts.DELETE_IF_EQUALS, List.of(RedisKeys.reloadClaim(chatId)), token);
		}
		catch (RuntimeException ex) {
			// the claim expires by itself
			log.debug("Could not release the reload claim of chat {}: {}", chatId, ex.toString());
		}
	}

	/**
	 * Another request is reloading the chat: wait, bounded, until it is cached or the
	 * other reload gave its claim up (the durable record does not know the chat).
	 */
	private void awaitOtherReload(String chatId) {
		long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
		while (!Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.chat(chatId)))
				&& Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.reloadClaim(chatId)))) {
			if (System.nanoTime() > deadline) {
				throw new ServiceUnavailable("The chat is being reloaded; retry the request");
			}
			try {
				Thread.sleep(BUSY_POLL_MS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ServiceUnavailable("Interrupted while the chat was reloaded");
			}
		}
	}

}
