package dev.carrier.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SendSocketTests {

	private static final Duration ANSWER = Duration.ofSeconds(5);

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final SendSocket socket = new SendSocket();

	@AfterEach
	void stopSenders() {
		senders.shutdownNow();
	}

	@Test
	void eachAnswerGoesToTheSendWithItsClientMessageId() throws Exception {
		FakeWebSocket server = FakeWebSocket.connect(socket, FakeWebSocket.SILENT);
		CompletableFuture<Api.Reply> first = send("c1", "first");
		CompletableFuture<Api.Reply> second = send("c2", "second");
		awaitWritten(server, 2);

		server.receive("""
				{"type":"send.failed","clientMessageId":"c2","problem":{"status":400,"detail":"text too long"}}""");
		server.receive("""
				{"type":"sent","clientMessageId":"c1","message":{"id":"m1","seq":7}}""");

		assertThat(first.get().status()).isEqualTo(201);
		assertThat(first.get().json().path("message").path("seq").asInt()).isEqualTo(7);
		assertThat(second.get().status()).isEqualTo(400);
		assertThat(second.get().text()).contains("text too long");
	}

	@Test
	void aRefusedSendCountsAsTheProblemsStatusAndKeepsTheProblem() throws Exception {
		FakeWebSocket.connect(socket,
				frame -> """
						{"type":"send.failed","clientMessageId":"%s","problem":{"type":"about:blank","title":"Too Many Requests",\
						"status":429,"detail":"slow down","retryAfter":2}}"""
					.formatted(frame.path("clientMessageId").asString()));

		Api.Reply reply = send("c1", "hello").get();

		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.json().path("retryAfter").asInt()).isEqualTo(2);
		Failures failures = new Failures();
		failures.add(reply);
		assertThat(Failures.describe(failures.counts(), failures.first())).startsWith("HTTP 429 x1; first: 429 {")
			.contains("slow down");
	}

	@Test
	void aSocketThatClosesFailsEveryWaitingSendWithTheReason() throws Exception {
		FakeWebSocket server = FakeWebSocket.connect(socket, FakeWebSocket.SILENT);
		CompletableFuture<Api.Reply> first = send("c1", "first");
		CompletableFuture<Api.Reply> second = send("c2", "second");
		awaitWritten(server, 2);

		socket.onClose(server, 1011, "going away");

		for (Api.Reply reply : new Api.Reply[] { first.get(), second.get() }) {
			assertThat(reply.status()).isEqualTo(-1);
			assertThat(reply.text()).contains("1011").contains("going away");
		}
		assertThat(socket.isUsable()).isFalse();
		assertThat(server.aborted).isTrue();
	}

	@Test
	void aSendOnAFailedSocketFailsAtOnceWithoutWriting() throws Exception {
		FakeWebSocket server = FakeWebSocket.connect(socket, FakeWebSocket.ACKNOWLEDGES);
		socket.onError(server, new IOException("connection reset"));

		Api.Reply reply = send("c1", "hello").get();

		assertThat(reply.status()).isEqualTo(-1);
		assertThat(reply.text()).contains("connection reset");
		assertThat(server.written).isEmpty();
	}

	@Test
	void echoesAndUnreadableFramesAreNotAnswers() throws Exception {
		FakeWebSocket server = FakeWebSocket.connect(socket, FakeWebSocket.SILENT);
		CompletableFuture<Api.Reply> reply = send("c1", "hello");
		awaitWritten(server, 1);

		server.receive("""
				{"type":"message.created","message":{"id":"m1","clientMessageId":"c1"}}""");
		server.receive("not json {");
		assertThat(reply).isNotDone();
		server.receive("""
				{"type":"sent","clientMessageId":"c1","message":{"id":"m1"}}""");

		assertThat(reply.get().status()).isEqualTo(201);
	}

	@Test
	void aSendWithNoAnswerFailsAfterTheTimeout() {
		FakeWebSocket.connect(socket, FakeWebSocket.SILENT);

		Api.Reply reply = socket.send(SendFrame.json("chat", "c1", "hello"), "c1", Duration.ofMillis(50));

		assertThat(reply.status()).isEqualTo(-1);
		assertThat(reply.text()).contains("no answer");
	}

	@Test
	void theSendFrameCarriesAnyTextIntact() {
		String text = "she said \"hi\" \\ and left\n\u00e9";

		JsonNode frame = Api.JSON.readTree(SendFrame.json("chat-1", "b-run-1", text));

		assertThat(frame.path("type").asString()).isEqualTo("send");
		assertThat(frame.path("chatId").asString()).isEqualTo("chat-1");
		assertThat(frame.path("clientMessageId").asString()).isEqualTo("b-run-1");
		assertThat(frame.path("text").asString()).isEqualTo(text);
	}

	private CompletableFuture<Api.Reply> send(String clientMessageId, String text) {
		String frame = SendFrame.json("chat", clientMessageId, text);
		return CompletableFuture.supplyAsync(() -> socket.send(frame, clientMessageId, ANSWER), senders);
	}

	private static void awaitWritten(FakeWebSocket server, int frames) {
		await().atMost(ANSWER).until(() -> server.written.size() == frames);
	}

}
