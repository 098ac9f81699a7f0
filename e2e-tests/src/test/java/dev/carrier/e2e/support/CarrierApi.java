package dev.carrier.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API of a running Carrier, called the way any client calls it: through the
 * gateway.
 */
public final class CarrierApi {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	public static final URI BASE = URI.create(env("CARRIER_URL", "http://localhost:8080"));

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private CarrierApi() {
	}

	public static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * A duration setting of the stack under test, written as the services' settings write
	 * it (500ms, 90s, 2m, 1h, 1d).
	 */
	public static Duration envDuration(String name, String fallback) {
		String text = env(name, fallback).trim();
		Matcher matcher = DURATION.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(name + " is not a duration: " + text);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	public static Reply get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	public static Reply post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	public static Reply patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	public static Reply put(String path, String token, Object body) {
		return send("PUT", path, token, body, Map.of());
	}

	public static Reply delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	/**
	 * Sends JSON (a {@code String} body is sent as it is, so tests can send malformed
	 * JSON).
	 */
	public static Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
			if (!headers.containsKey("Content-Type")) {
				request.header("Content-Type", "application/json");
			}
			request.method(method, BodyPublishers.ofString(text));
		}
		return exchange(request.build());
	}

	public static Reply sendBytes(String method, String path, String token, byte[] body, String contentType) {
		HttpRequest request = HttpRequest.newBuilder(BASE.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.method(method, BodyPublishers.ofByteArray(body))
			.build();
		return exchange(request);
	}

	/**
	 * Sends the request; one that gets no answer at all within its timeout is sent once
	 * more, on a new connection, with a warning on stderr. Requests through the gateway
	 * used to stall that way on a keep-alive connection after a static file and a gateway
	 * refusal (fixed, and tested by {@code GatewayConnectionsEndToEndTests}); the retry
	 * stays as a net that reports any other stall instead of hiding it. A second stall
	 * fails the test, and so does any wrong answer.
	 */
	private static Reply exchange(HttpRequest request) {
		try {
			HttpResponse<byte[]> response;
			try {
				response = HTTP.send(request, BodyHandlers.ofByteArray());
			}
			catch (HttpTimeoutException stalled) {
				System.err.println("WARNING: no answer within " + request.timeout().orElse(null) + " to "
						+ request.method() + " " + request.uri() + "; sending it once more on a new connection");
				try (HttpClient fresh = HttpClient.newBuilder()
					.connectTimeout(Duration.ofSeconds(5))
					.version(HttpClient.Version.HTTP_1_1)
					.build()) {
					response = fresh.send(request, BodyHandlers.ofByteArray());
				}
			}
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One HTTP answer; {@link #json()} parses the body. */
	public record Reply(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public String text() {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + text();
		}

	}

}
