package dev.carrier.chat.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.testsupport.TestTrust;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded by chat-service itself (carrier.request.max-body-size, 2 MB
 * by default), whether they come through the gateway or not, and whether their length is
 * declared or they are chunked.
 */
class BodySizeLimitIntegrationTests extends IntegrationTestSupport {

	private static final int LIMIT = 2 * 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aChunkedBodyOverTheLimitIsA413ProblemAndNothingIsSent() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();

		HttpResponse<String> response = sendChunked(chatId, alice, message(LIMIT + 1024 * 1024));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://carrier.dev/problems/too-large");
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("detail").asString()).contains(String.valueOf(LIMIT));
		assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json().path("messages")).isEmpty();
	}

	@Test
	void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();

		// near the limit: 2 MB less 16 KB of blank space before the JSON
		InputStream body = new SequenceInputStream(blank(LIMIT - 16 * 1024), message(3000));
		HttpResponse<String> response = sendChunked(chatId, alice, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(JSON.readTree(response.body()).path("message").path("text").asString()).hasSize(3000);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/chats/" + UUID.randomUUID() + "/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			// no byte of the body was sent, and the answer still comes
			String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 413");
		}
	}

	/**
	 * {@code {"text":"aaa…","clientMessageId":…}} with a text of this length, produced as
	 * it is sent.
	 */
	private static InputStream message(int textLength) {
		InputStream head = new ByteArrayInputStream("{\"text\":\"".getBytes(StandardCharsets.UTF_8));
		InputStream text = repeated('a', textLength);
		InputStream tail = new ByteArrayInputStream(
				("\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
		return new SequenceInputStream(new SequenceInputStream(head, text), tail);
	}

	private static InputStream blank(int length) {
		return repeated(' ', length);
	}

	private static InputStream repeated(char character, int length) {
		return new InputStream() {

			private int left = length;

			@Override
			public int read() {
				return (this.left-- > 0) ? character : -1;
			}

		};
	}

	/** A send whose body has no declared length: the JDK client sends it chunked. */
	private HttpResponse<String> sendChunked(String chatId, User sender, InputStream body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chats/" + chatId + "/messages"))
			.header("Content-Type", "application/json")
			.header("X-Carrier-Identity", TestTrust.identity(sender.id()))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
