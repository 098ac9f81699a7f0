package dev.carrier.chat.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import dev.carrier.testsupport.TestTrust;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity check keeps verified assertions only as long as they are valid, and never
 * accepts what the verifier refuses.
 */
class AssertionsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	private final Assertions assertions = new Assertions(new TrustProperties(TestTrust.KEY, Duration.ofMinutes(5)),
			"chat-service", new Clock() {

				@Override
				public Instant instant() {
					return AssertionsTests.this.now.get();
				}

				@Override
				public ZoneOffset getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}

			});

	@Test
	void aValidAssertionNamesItsUserEveryTime() {
		String assertion = TestTrust.identity("alice");

		assertThat(this.assertions.userOf(assertion)).contains("alice");
		assertThat(this.assertions.userOf(assertion)).contains("alice");
	}

	@Test
	void aCachedAssertionIsRefusedOnceItExpired() {
		String assertion = TestTrust.sign("gateway", Assertions.API_AUDIENCE, "alice", Instant.now().plusSeconds(30));
		assertThat(this.assertions.userOf(assertion)).contains("alice");

		// past its expiry and the verifier's one-minute clock skew
		this.now.set(Instant.now().plusSeconds(120));

		assertThat(this.assertions.userOf(assertion)).isEmpty();
	}

	@Test
	void forgedWrongAudienceAndAnotherKeysAssertionsNameNobody() {
		String valid = TestTrust.identity("alice");
		String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");
		String service = TestTrust.serviceCredential();
		String otherKey = TestTrust.sign("gateway", Assertions.API_AUDIENCE, "alice", Instant.now().plusSeconds(30),
				"q5+jRChOe59kIXFsJA/N9E4OJBYTzgbWkt0q4oZ34GM=");
		assertThat(this.assertions.userOf(valid)).contains("alice");

		assertThat(this.assertions.userOf(tampered)).isEmpty();
		assertThat(this.assertions.userOf(service)).isEmpty();
		assertThat(this.assertions.userOf(otherKey)).isEmpty();
		assertThat(this.assertions.userOf(null)).isEmpty();
		assertThat(this.assertions.serviceOf(valid)).isEmpty();
	}

}
