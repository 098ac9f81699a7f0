package dev.carrier.gateway.ratelimits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginNameTests {

	@Test
	void theLoginOrUsernameFieldNamesTheBucketWhateverItsCase() {
		assertThat(RateLimitConfiguration.loginName("{\"login\":\" Alice@Example.com \",\"password\":\"x\"}"))
			.isEqualTo("alice@example.com");
		assertThat(RateLimitConfiguration.loginName("{\"username\":\"Bob\",\"email\":\"b@x\"}")).isEqualTo("bob");
	}

	@Test
	void bodiesWithoutANameHaveNoNameBucket() {
		assertThat(RateLimitConfiguration.loginName(null)).isNull();
		assertThat(RateLimitConfiguration.loginName("")).isNull();
		assertThat(RateLimitConfiguration.loginName("not json")).isNull();
		assertThat(RateLimitConfiguration.loginName("{\"login\":42}")).isNull();
		assertThat(RateLimitConfiguration.loginName("[\"login\"]")).isNull();
	}

	@Test
	void absurdlyLongNamesAreCut() {
		String name = "a".repeat(5000);
		assertThat(RateLimitConfiguration.loginName("{\"login\":\"" + name + "\"}")).hasSize(320);
	}

}
