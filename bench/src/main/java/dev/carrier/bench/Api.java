package dev.carrier.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API (and a chat-service instance directly), over the JDK's HTTP/1.1 client.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Set as soon as any call is refused with 429, so the report can say how to start the
	 * stack.
	 */
	static final AtomicBoolean RATE_LIMITED = new AtomicBoolean();

	private final HttpClient http;

	private final URI base;

	Api(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	URI base() {
		return base;
	}

	HttpClient http() {
		return http;
	}

	Reply get(String path, String token) {
		return call("GET", path, token, null);
	}

	Reply post(String path, String token, Object body) {
		return call("POST", path, token, body);
	}

	Reply call(String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json");
			request.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return exchange(request.build());
	}

	Reply exchange(HttpRequest request) {
		try {
			var response = http.send(request, BodyHandlers.ofByteArray());
			if (response.statusCode() == 429) {
				RATE_LIMITED.set(true);
			}
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Reply(-1,
					(ex.getClass().getSimpleName() + ": " + ex.getMessage()).getBytes(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer; status -1 is a transport failure whose text is the exception. */
	record Reply(int status, byte[] bytes) {

		/** A send that got no answer from the server, and why. */
		static Reply transportFailure(String why) {
			return new Reply(-1, why.getBytes(StandardCharsets.UTF_8));
		}

		JsonNode json() {
			return JSON.readTree(bytes);
		}

		String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			String text = text();
			return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
		}

	}

}
