package dev.carrier.chat.web;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's per-user limit, applied to sends over sockets. */
class SocketSendLimitTests {

	private final SocketSendLimit limit = new SocketSendLimit(
			new RequestLimitProperties(DataSize.ofMegabytes(2), DataSize.ofMegabytes(10), 1, 3));

	@Test
	void aUserMaySendABurstAndIsThenToldWhenToComeBack() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limit.secondsUntilAllowed("ann")).as("send %d", i).isZero();
		}

		assertThat(this.limit.secondsUntilAllowed("ann")).isEqualTo(1);
	}

	@Test
	void eachUserHasABucketOfTheirOwn() {
		for (int i = 0; i < 4; i++) {
			this.limit.secondsUntilAllowed("ann");
		}

		assertThat(this.limit.secondsUntilAllowed("ben")).isZero();
	}

}
