package dev.carrier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketSenderTests {

	private final List<FakeWebSocket> servers = new ArrayList<>();

	private final AtomicInteger opened = new AtomicInteger();

	@Test
	void theSendersOfOneUserShareOneSocketAndNeverWriteAtOnce() throws Exception {
		SocketSender sender = new SocketSender(this::acknowledgingSocket, new Semaphore(16), opened);
		List<Future<Api.Reply>> replies = new ArrayList<>();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 20; i++) {
				String id = "c" + i;
				replies.add(senders.submit(() -> sender.send(SendFrame.json("chat", id, "hello"), id)));
			}
		}

		for (Future<Api.Reply> reply : replies) {
			assertThat(reply.get().status()).isEqualTo(201);
		}
		assertThat(opened).hasValue(1);
		assertThat(servers.getFirst().written).hasSize(20);
	}

	@Test
	void theSendAfterTheSocketClosedOpensANewOne() {
		SocketSender sender = new SocketSender(this::acknowledgingSocket, new Semaphore(16), opened);
		assertThat(send(sender, "c1").status()).isEqualTo(201);

		servers.getFirst().receiveClose(1006, "abnormal");

		assertThat(send(sender, "c2").status()).isEqualTo(201);
		assertThat(opened).hasValue(2);
		assertThat(servers.get(1).written).hasSize(1);
	}

	@Test
	void aSocketThatCannotBeOpenedFailsThatSendOnly() {
		AtomicInteger attempts = new AtomicInteger();
		SocketSender sender = new SocketSender(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("handshake HTTP 503");
			}
			return acknowledgingSocket();
		}, new Semaphore(16), opened);

		Api.Reply refused = send(sender, "c1");

		assertThat(refused.status()).isEqualTo(-1);
		assertThat(refused.text()).contains("could not open").contains("handshake HTTP 503");
		assertThat(send(sender, "c2").status()).isEqualTo(201);
	}

	@Test
	void closingTheSenderClosesItsSocketAndOpensNoOther() {
		SocketSender sender = new SocketSender(this::acknowledgingSocket, new Semaphore(16), opened);
		send(sender, "c1");

		sender.close();

		assertThat(servers.getFirst().closeSent).isTrue();
		assertThat(send(sender, "c2").status()).isEqualTo(-1);
		assertThat(opened).hasValue(1);
	}

	private Api.Reply send(SocketSender sender, String clientMessageId) {
		return sender.send(SendFrame.json("chat", clientMessageId, "hello"), clientMessageId);
	}

	private SendSocket acknowledgingSocket() {
		SendSocket socket = new SendSocket();
		servers.add(FakeWebSocket.connect(socket, FakeWebSocket.ACKNOWLEDGES));
		return socket;
	}

}
