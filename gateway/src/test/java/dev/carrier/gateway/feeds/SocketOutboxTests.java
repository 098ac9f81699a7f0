package dev.carrier.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.socket.WebSocketMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What waits for one client: every frame in order while it keeps up; hints dropped once a
 * few frames wait, events never; the client closed once it is far behind.
 */
class SocketOutboxTests {

	private final AtomicInteger closes = new AtomicInteger();

	private final SocketOutbox outbox = new SocketOutbox(DefaultDataBufferFactory.sharedInstance,
			this.closes::incrementAndGet);

	@Test
	void framesReachTheClientInTheOrderTheyCame() {
		this.outbox.deliver(bytes("one"), false);
		this.outbox.deliver(bytes("two"), true);
		this.outbox.deliver(bytes("three"), false);
		this.outbox.complete();

		assertThat(texts()).containsExactly("one", "two", "three");
	}

	@Test
	void aHintIsDroppedOnceAFewFramesWaitButAnEventIsNot() {
		for (int i = 0; i < SocketOutbox.MAX_WAITING_FOR_HINTS; i++) {
			this.outbox.deliver(bytes("event " + i), false);
		}

		this.outbox.deliver(bytes("typing"), true);
		this.outbox.deliver(bytes("one more event"), false);
		this.outbox.complete();

		List<String> texts = texts();
		assertThat(texts).hasSize(SocketOutbox.MAX_WAITING_FOR_HINTS + 1).doesNotContain("typing");
		assertThat(texts.getLast()).isEqualTo("one more event");
		assertThat(this.closes).hasValue(0);
	}

	@Test
	void aClientFarBehindIsClosedAndGetsNothingMore() {
		for (int i = 0; i < SocketOutbox.MAX_WAITING; i++) {
			this.outbox.deliver(bytes("event " + i), false);
		}
		assertThat(this.closes).hasValue(0);

		this.outbox.deliver(bytes("one too many"), false);

		assertThat(this.closes).hasValue(1);
		assertThat(texts()).hasSize(SocketOutbox.MAX_WAITING).doesNotContain("one too many");
	}

	/** What the client is sent, until the outbox completes. */
	private List<String> texts() {
		return this.outbox.messages()
			.map(WebSocketMessage::getPayloadAsText)
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
