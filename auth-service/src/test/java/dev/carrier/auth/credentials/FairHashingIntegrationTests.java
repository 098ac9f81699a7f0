package dev.carrier.auth.credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.web.ClientAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One account flooding password changes cannot starve everyone else's logins. The pool
 * here is two threads and four queue places with hashes slow enough to fill them, and the
 * password-change limit is lifted so that every one of A's guesses really is hashed.
 */
@TestPropertySource(properties = { "carrier.password.pbkdf2-iterations=100000", "carrier.password.pool-threads=2",
		"carrier.password.queue-capacity=4", "carrier.password.per-account-in-flight=2",
		"carrier.password.per-address-in-flight=4", "carrier.attempts.password-change.attempts=100000" })
class FairHashingIntegrationTests extends AuthIntegrationTest {

	@Test
	void oneAccountFloodingWrongPasswordsGets429ForItselfWhileOthersLogIn() throws Exception {
		Session a = this.api.newSession(PASSWORD);
		Session b = this.api.newSession(PASSWORD);
		AtomicBoolean flooding = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Integer> floodStatuses = new ConcurrentLinkedQueue<>();
		ExecutorService flood = Executors.newFixedThreadPool(16);
		try {
			for (int i = 0; i < 16; i++) {
				flood.submit(() -> {
					while (flooding.get()) {
						floodStatuses.add(this.api.call("PUT", "/api/users/me/password")
							.as(a)
							.header(ClientAddress.HEADER, "198.51.100.1")
							.json("{\"currentPassword\":\"wrong\",\"newPassword\":\"whatever 1\"}")
							.send()
							.status());
					}
				});
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> floodStatuses.size() >= 20);
			List<Integer> bLogins = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Response login = this.api.call("POST", "/api/auth/login")
					.header(ClientAddress.HEADER, "198.51.100.2")
					.json("{\"login\":\"%s\",\"password\":\"%s\"}".formatted(b.username(), PASSWORD))
					.send();
				bLogins.add(login.status());
			}
			assertThat(bLogins).containsOnly(200);
		}
		finally {
			flooding.set(false);
			flood.shutdown();
		}
		// a wrong current password is a refused action (403 wrong-password), not a dead
		// session
		assertThat(floodStatuses).contains(403, 429).containsOnly(403, 429);
	}

}
