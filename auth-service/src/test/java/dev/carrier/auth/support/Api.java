package dev.carrier.auth.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.carrier.testsupport.TestTrust;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running service, the way the gateway and the other services call
 * it: public calls carry the gateway's signed identity assertion and the forwarded bearer
 * token, and /internal/** calls a service credential (unless a test takes it away).
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Call call(String method, String path) {
		return new Call(method, path);
	}

	public Response post(String path, String json) {
		return call("POST", path).json(json).send();
	}

	/** Signs up and logs in a fresh user with a unique name; returns the login answer. */
	public Session newSession(String password) {
		String name = uniqueName();
		Response signup = post("/api/auth/signup",
				"{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}".formatted(name, name,
						password));
		if (signup.status() != 201) {
			throw new IllegalStateException("signup failed: " + signup);
		}
		return login(name, password);
	}

	public Session login(String login, String password) {
		Response response = post("/api/auth/login",
				"{\"login\":\"%s\",\"password\":\"%s\"}".formatted(login, password));
		if (response.status() != 200) {
			throw new IllegalStateException("login failed: " + response);
		}
		JsonNode user = response.json().get("user");
		return new Session(user.get("id").asString(), user.get("username").asString(), user.get("email").asString(),
				response.json().get("token").asString());
	}

	public static String uniqueName() {
		return "t" + Long.toString(System.nanoTime(), 36) + Integer.toString((int) (Math.random() * 46656), 36);
	}

	public record Session(String userId, String username, String email, String token) {
	}

	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		Call(String method, String path) {
			this.method = method;
			this.path = path;
			if (path.startsWith("/internal/")) {
				this.headers.put("X-Carrier-Service", TestTrust.serviceCredential());
			}
		}

		/** As a caller that is not one of Carrier's services. */
		public Call withoutServiceCredential() {
			this.headers.remove("X-Carrier-Service");
			return this;
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/** As the gateway forwards an authenticated call. */
		public Call as(Session session) {
			return header("X-Carrier-Identity", TestTrust.identity(session.userId())).header("Authorization",
					"Bearer " + session.token());
		}

		public Call json(String json) {
			this.headers.put("Content-Type", "application/json");
			this.body = HttpRequest.BodyPublishers.ofString(json);
			return this;
		}

		public Call bytes(String contentType, byte[] bytes) {
			this.headers.put("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
			return this;
		}

		/**
		 * Sends the body without a Content-Length (chunked), as a streaming client would.
		 */
		public Call chunked(String contentType, byte[] bytes) {
			this.headers.put("Content-Type", contentType);
			this.body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
			return this;
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.this.base + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, this.body);
			this.headers.forEach(request::header);
			try {
				HttpResponse<byte[]> response = Api.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
