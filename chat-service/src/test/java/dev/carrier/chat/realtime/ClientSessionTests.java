package dev.carrier.chat.realtime;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.CarrierProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A receiver that cannot keep up: hints (typing) pile up to a few frames and are then
 * dropped, which is what keeps another member's typing flood from closing it; events it
 * must not miss still close it once it is hopelessly behind, so it reconnects and catches
 * up.
 */
class ClientSessionTests {

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch clientReads = new CountDownLatch(1);

	private final WebSocketSession socket = mock(WebSocketSession.class);

	private ClientSession stalledClient() throws Exception {
		when(this.socket.getId()).thenReturn("socket-1");
		when(this.socket.isOpen()).thenReturn(true);
		doAnswer(invocation -> {
			this.clientReads.await(10, TimeUnit.SECONDS);
			return null;
		}).when(this.socket).sendMessage(any());
		return new ClientSession(this.socket, properties(), this.senders);
	}

	@AfterEach
	void release() {
		this.clientReads.countDown();
		this.senders.shutdownNow();
	}

	@Test
	void aFloodOfHintsNeverClosesAReceiverThatIsBehind() throws Exception {
		ClientSession receiver = stalledClient();

		for (int i = 0; i < 5000; i++) {
			receiver.offer("{\"type\":\"typing\"}");
		}
		this.clientReads.countDown();

		// the one being sent when the client stalled, plus what waited: no more than the
		// hint bound
		verify(this.socket, timeout(5000).atLeast(ClientSession.MAX_QUEUED_FOR_HINTS))
			.sendMessage(any(TextMessage.class));
		verify(this.socket, atMost(ClientSession.MAX_QUEUED_FOR_HINTS + 1)).sendMessage(any(TextMessage.class));
		verify(this.socket, never()).close(any(CloseStatus.class));
	}

	@Test
	void aReceiverHopelesslyBehindOnMessagesIsClosedToCatchUp() throws Exception {
		ClientSession receiver = stalledClient();

		for (int i = 0; i < 1100; i++) {
			receiver.send("{\"type\":\"message.created\"}");
		}

		verify(this.socket, timeout(5000)).close(CloseStatus.SESSION_NOT_RELIABLE);
	}

	private static CarrierProperties.Realtime properties() {
		return new Binder(
				new MapConfigurationPropertySource(Map.of("carrier.realtime.allowed-origins", "http://localhost:8080")))
			.bind("carrier", Bindable.of(CarrierProperties.class))
			.orElseThrow(() -> new IllegalStateException("no carrier properties"))
			.realtime();
	}

}
