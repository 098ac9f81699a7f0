package dev.carrier.chat.realtime;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypingThrottleTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final AtomicLong now = new AtomicLong();

	private final TypingThrottle throttle = new TypingThrottle(SECOND, this.now::get);

	@Test
	void oneNoticePerChatPerInterval() {
		assertThat(this.throttle.mayRelay("chat-a")).isTrue();
		assertThat(this.throttle.mayRelay("chat-a")).isFalse();
		this.now.addAndGet(SECOND - 1);
		assertThat(this.throttle.mayRelay("chat-a")).isFalse();
		this.now.addAndGet(1);
		assertThat(this.throttle.mayRelay("chat-a")).isTrue();
	}

	@Test
	void chatsAreLimitedSeparately() {
		assertThat(this.throttle.mayRelay("chat-a")).isTrue();
		assertThat(this.throttle.mayRelay("chat-b")).isTrue();
		assertThat(this.throttle.mayRelay("chat-a")).isFalse();
	}

	@Test
	void endlessChatIdsAreRefusedOnceTheMemoryIsFullAndAdmittedAgainAfterTheInterval() {
		for (int i = 0; i < TypingThrottle.MAX_CHATS; i++) {
			assertThat(this.throttle.mayRelay(UUID.randomUUID().toString())).isTrue();
		}
		assertThat(this.throttle.mayRelay("one-more")).isFalse();

		this.now.addAndGet(SECOND);
		assertThat(this.throttle.mayRelay("one-more")).isTrue();
	}

}
