package dev.carrier.persistence.web;

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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.carrier.persistence.support.IntegrationTest;
import dev.carrier.testsupport.TestTrust;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded by persistence-service itself
 * (carrier.request.max-body-size, 2 MB by default), declared or chunked: no caller can
 * stream into it without bound.
 */
@IntegrationTest
class BodySizeLimitIntegrationTests {

	private static final int LIMIT = 2 * 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
		HttpResponse<String> response = postChunked(snapshotRequest(LIMIT + 1024 * 1024));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://carrier.dev/problems/too-large");
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("detail").asString()).contains(String.valueOf(LIMIT));
	}

	@Test
	void aChunkedBodyUnderTheLimitIsReadAsUsual() throws Exception {
		HttpResponse<String> response = postChunked(snapshotRequest(LIMIT - 1024));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).path("chats").isEmpty()).isTrue();
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /internal/snapshots HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + (LIMIT + 1) + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			// no byte of the body was sent, and the answer still comes
			String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 413");
		}
	}

	/**
	 * {@code {"chatIds":[]}} after this many bytes of blank space, produced as it is
	 * sent.
	 */
	private static InputStream snapshotRequest(int padding) {
		InputStream blank = new InputStream() {

			private int left = padding;

			@Override
			public int read() {
				return (this.left-- > 0) ? ' ' : -1;
			}

		};
		return new SequenceInputStream(blank,
				new ByteArrayInputStream("{\"chatIds\":[]}".getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A snapshot request whose body has no declared length: the JDK client sends it
	 * chunked.
	 */
	private HttpResponse<String> postChunked(InputStream body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/internal/snapshots"))
			.header("Content-Type", "application/json")
			.header("X-Carrier-Service", TestTrust.serviceCredential())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
