package dev.carrier.auth.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.carrier.auth.RedisKeys;
import dev.carrier.auth.credentials.HashingBusy;
import dev.carrier.auth.credentials.HashingPool;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsIntegrationTests extends AuthIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	HashingPool hashingPool;

	@Autowired
	SessionProperties sessionProperties;

	@Test
	void sessionIsStoredUnderTheTokensHashWithIdleTtlAndAbsoluteEnd() {
		Session session = this.api.newSession(PASSWORD);
		String key = RedisKeys.session(SessionTokens.keyHash(session.token()));
		assertThat(this.redis.hasKey(RedisKeys.session(session.token()))).isFalse();
		assertThat(this.redis.opsForHash().get(key, "userId")).isEqualTo(session.userId());
		assertThat(this.redis.opsForHash().get(key, "expiresAt")).isNotNull();
		long ttl = this.redis.getExpire(key, TimeUnit.SECONDS);
		assertThat(ttl).isBetween(this.sessionProperties.idleTtl().toSeconds() - 5,
				this.sessionProperties.idleTtl().toSeconds());
		assertThat(this.redis.opsForSet()
			.isMember(RedisKeys.userSessions(session.userId()), SessionTokens.keyHash(session.token()))).isTrue();

		Response current = this.api.call("GET", "/internal/sessions/current")
			.header("Authorization", "Bearer " + session.token())
			.send();
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.json().get("userId").asString()).isEqualTo(session.userId());
		assertThat(current.json().get("username").asString()).isEqualTo(session.username());
		assertThat(current.json().get("expiresAt").asString()).isEqualTo(this.redis.opsForHash().get(key, "expiresAt"));
	}

	@Test
	void everyEndedSessionIsAnnouncedToTheGateways() {
		Session loggedOut = this.api.newSession(PASSWORD);
		Session other = this.api.login(loggedOut.username(), PASSWORD);
		Session changer = this.api.login(loggedOut.username(), PASSWORD);
		List<String> announced = java.util.Collections.synchronizedList(new ArrayList<>());
		var connection = this.redis.getConnectionFactory().getConnection();
		try {
			connection.subscribe((message, pattern) -> announced.add(new String(message.getBody())),
					RedisKeys.SESSIONS_ENDED_CHANNEL.getBytes());
			org.awaitility.Awaitility.await().until(connection::isSubscribed);

			assertThat(this.api.call("POST", "/api/auth/logout").as(loggedOut).send().status()).isEqualTo(204);
			assertThat(this.api.call("PUT", "/api/users/me/password")
				.as(changer)
				.json("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(PASSWORD, PASSWORD + "-2"))
				.send()
				.status()).isEqualTo(204);

			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(announced).contains(SessionTokens.keyHash(loggedOut.token()),
						SessionTokens.keyHash(other.token())));
			assertThat(announced).doesNotContain(SessionTokens.keyHash(changer.token()));
		}
		finally {
			connection.close();
		}
	}

	@Autowired
	SessionStoreWatch storeWatch;

	@Test
	void aWipedSessionStoreIsAnnouncedToTheGateways() {
		List<String> announced = java.util.Collections.synchronizedList(new ArrayList<>());
		var connection = this.redis.getConnectionFactory().getConnection();
		try {
			connection.subscribe((message, pattern) -> announced.add(new String(message.getBody())),
					RedisKeys.SESSIONS_ENDED_CHANNEL.getBytes());
			org.awaitility.Awaitility.await().until(connection::isSubscribed);
			assertThat(this.storeWatch.check()).as("the marker is there while the store is").isFalse();

			// what a FLUSHALL does to auth-service's keys (this test deletes only its own
			// marker)
			this.redis.delete(RedisKeys.STORE_MARKER);

			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(announced).contains(RedisKeys.ALL_SESSIONS_ENDED));
			assertThat(this.redis.hasKey(RedisKeys.STORE_MARKER)).isTrue();
		}
		finally {
			connection.close();
		}
	}

	@Test
	void idleTimeoutSlidesButOnlyOncePerInterval() {
		Session session = this.api.newSession(PASSWORD);
		String key = RedisKeys.session(SessionTokens.keyHash(session.token()));
		this.redis.expire(key, java.time.Duration.ofSeconds(100));
		current(session);
		assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isGreaterThan(100);

		long idle = this.sessionProperties.idleTtl().toMillis();
		this.redis.expire(key, java.time.Duration.ofMillis(idle - 1000));
		current(session);
		// within the slide interval: left alone, so validation does not write on every
		// request
		assertThat(this.redis.getExpire(key, TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(idle - 1000);
	}

	@Test
	void sessionEndsAtItsAbsoluteLifetimeHoweverBusy() {
		Session session = this.api.newSession(PASSWORD);
		String key = RedisKeys.session(SessionTokens.keyHash(session.token()));
		this.redis.opsForHash().put(key, "expiresAt", java.time.Instant.now().minusSeconds(1).toString());
		Response current = this.api.call("GET", "/internal/sessions/current")
			.header("Authorization", "Bearer " + session.token())
			.send();
		assertThat(current.status()).isEqualTo(401);
		assertThat(this.redis.hasKey(key)).isFalse();
	}

	@Test
	void aliveNamesOnlyTheTokensWhoseSessionGoesOnAndTouchesNoTimeout() {
		Session live = this.api.newSession(PASSWORD);
		Session loggedOut = this.api.newSession(PASSWORD);
		this.api.call("POST", "/api/auth/logout").as(loggedOut).send();
		Session idle = this.api.newSession(PASSWORD);
		this.redis.delete(RedisKeys.session(SessionTokens.keyHash(idle.token())));
		Session pastItsEnd = this.api.newSession(PASSWORD);
		String endedKey = RedisKeys.session(SessionTokens.keyHash(pastItsEnd.token()));
		this.redis.opsForHash().put(endedKey, "expiresAt", java.time.Instant.now().minusSeconds(1).toString());
		String liveKey = RedisKeys.session(SessionTokens.keyHash(live.token()));
		this.redis.expire(liveKey, java.time.Duration.ofSeconds(100));

		Response response = this.api.call("POST", "/internal/sessions/alive")
			.json("{\"tokens\":[\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"]}".formatted(live.token(), loggedOut.token(),
					idle.token(), pastItsEnd.token(), UUID.randomUUID()))
			.send();

		assertThat(response.status()).isEqualTo(200);
		List<String> alive = new ArrayList<>();
		response.json().get("alive").forEach((token) -> alive.add(token.asString()));
		assertThat(alive).containsExactly(live.token());
		assertThat(this.redis.getExpire(liveKey, TimeUnit.SECONDS)).isLessThanOrEqualTo(100);
		assertThat(this.api.call("POST", "/internal/sessions/alive").json("{\"tokens\":null}").send().status())
			.isEqualTo(400);
	}

	@Test
	void onlineListsUsersWithALiveSessionOnly() {
		Session online = this.api.newSession(PASSWORD);
		Session loggedOut = this.api.newSession(PASSWORD);
		this.api.call("POST", "/api/auth/logout").as(loggedOut).send();
		Session expired = this.api.newSession(PASSWORD);
		// an idle timeout, as Redis would let it happen
		this.redis.delete(RedisKeys.session(SessionTokens.keyHash(expired.token())));
		String never = UUID.randomUUID().toString();

		Response response = this.api
			.call("GET",
					"/internal/users/online?ids=%s,%s,%s,%s".formatted(online.userId(), loggedOut.userId(),
							expired.userId(), never))
			.send();
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().forEach((id) -> ids.add(id.asString()));
		assertThat(ids).containsExactly(online.userId());
		assertThat(this.redis.opsForSet().size(RedisKeys.userSessions(expired.userId()))).isZero();
	}

	@Test
	void internalUserCallsAnswerSummariesWithoutEmails() {
		Session a = this.api.newSession(PASSWORD);
		Session b = this.api.newSession(PASSWORD);
		this.api.call("PUT", "/api/users/me/avatar").as(b).json("{\"preset\":\"cat\"}").send();

		Response many = this.api
			.call("GET", "/internal/users?ids=%s,%s,%s".formatted(a.userId(), UUID.randomUUID(), b.userId()))
			.send();
		assertThat(many.status()).isEqualTo(200);
		assertThat(many.json()).hasSize(2);
		JsonNode first = many.json().get(0);
		assertThat(first.get("id").asString()).isEqualTo(a.userId());
		assertThat(first.get("username").asString()).isEqualTo(a.username());
		assertThat(first.get("avatarUrl").isNull()).isTrue();
		assertThat(first.has("email")).isFalse();
		assertThat(many.json().get(1).get("avatarUrl").asString())
			.isEqualTo("/api/users/" + b.userId() + "/avatar?v=1");

		Response lookup = this.api.call("GET", "/internal/users/lookup?q=" + a.email().toUpperCase()).send();
		assertThat(lookup.status()).isEqualTo(200);
		assertThat(lookup.json().get("id").asString()).isEqualTo(a.userId());
		assertThat(lookup.json().has("email")).isFalse();
		assertThat(this.api.call("GET", "/internal/users/lookup?q=nobody-" + UUID.randomUUID()).send().status())
			.isEqualTo(404);
	}

	@Test
	void loginsBeyondTheHashingPoolAreToldToComeBackLater() throws Exception {
		Session session = this.api.newSession(PASSWORD);
		CountDownLatch release = new CountDownLatch(1);
		List<java.util.concurrent.Future<?>> blockers = new ArrayList<>();
		try {
			// fill every hashing thread and the whole queue (workers take queued tasks a
			// moment
			// after they are queued, so keep topping up until the pool stays full)
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
				try {
					blockers.add(this.hashingPool.submit(() -> {
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}));
				}
				catch (HashingBusy full) {
					// full for now; saturated() tells whether it stays so
				}
				return this.hashingPool.saturated();
			});
			Response busy = this.api.post("/api/auth/login",
					"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(session.username(), PASSWORD));
			assertThat(busy.status()).isEqualTo(429);
			assertThat(busy.header("Retry-After")).isEqualTo("1");
			assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
			// the rest of the service keeps answering
			assertThat(this.api.call("GET", "/api/users/me").as(session).send().status()).isEqualTo(200);
		}
		finally {
			release.countDown();
		}
		for (java.util.concurrent.Future<?> blocker : blockers) {
			blocker.get(5, TimeUnit.SECONDS);
		}
		assertThat(this.api.login(session.username(), PASSWORD).userId()).isEqualTo(session.userId());
	}

	private void current(Session session) {
		assertThat(this.api.call("GET", "/internal/sessions/current")
			.header("Authorization", "Bearer " + session.token())
			.send()
			.status()).isEqualTo(200);
	}

}
