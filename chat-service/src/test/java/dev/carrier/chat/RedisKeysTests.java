package dev.carrier.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTests {

	@Test
	void directKeyIsTheSameWhateverTheOrder() {
		String a = "11111111-1111-1111-1111-111111111111";
		String b = "22222222-2222-2222-2222-222222222222";

		assertThat(RedisKeys.direct(a, b)).isEqualTo(RedisKeys.direct(b, a))
			.isEqualTo("carrier:chat:direct:" + a + ":" + b);
	}

}
