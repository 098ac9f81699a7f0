package dev.carrier.chat.chats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.carrier.chat.ChatServiceApplication;
import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.RealServers;
import dev.carrier.chat.support.StubAuthService.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/chats} for a user whose chats hold 1,000 distinct members, against an
 * auth-service that refuses what the real one refuses: a request line over Tomcat's 8 KB
 * and more than 500 ids in one call (a single call for every member failed at a few
 * hundred).
 */
class LargeChatListIntegrationTests extends IntegrationTestSupport {

	static final AuthServiceLimits LIMITED_AUTH = new AuthServiceLimits(AUTH.url());

	/**
	 * A second instance whose auth-service is the limited one, as a real second instance
	 * is started.
	 */
	private static ConfigurableApplicationContext instanceBehindLimits() {
		Map<String, String> properties = new HashMap<>(stubProperties());
		properties.put("carrier.auth-url", LIMITED_AUTH.url());
		properties.put("server.port", "0");
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(ChatServiceApplication.class, RealServers.class)
			.run(args.toArray(String[]::new));
	}

	@Test
	void aUserInChatsWithAThousandDistinctMembersGetsTheirChatList() {
		User owner = AUTH.newUser("owner");
		Set<String> expected = new HashSet<>(List.of(owner.username()));
		for (int chat = 0; expected.size() < 1000; chat++) {
			int others = Math.min(ChatMembership.MAX_GROUP - 1, 1000 - expected.size());
			List<User> members = new ArrayList<>();
			for (int i = 0; i < others; i++) {
				members.add(AUTH.newUser("m" + chat));
			}
			members.forEach(member -> expected.add(member.username()));
			createChat(owner, "Crowd " + chat, members.toArray(User[]::new));
		}

		Reply list;
		try (ConfigurableApplicationContext instance = instanceBehindLimits()) {
			list = call(instance.getEnvironment().getProperty("local.server.port", Integer.class), "GET", "/api/chats",
					owner.id(), null, "application/json");
		}

		assertThat(list.status()).as(list.body()).isEqualTo(200);
		Set<String> shown = new HashSet<>();
		for (JsonNode chat : list.json()) {
			chat.path("chat").path("members").forEach(member -> shown.add(member.path("username").asString()));
		}
		assertThat(shown).hasSize(1000).isEqualTo(expected);
		assertThat(LIMITED_AUTH.forwarded.get()).as("calls that reached auth-service").isPositive();
		assertThat(LIMITED_AUTH.refused.get()).as("calls auth-service would refuse").isZero();
	}

	/**
	 * Forwards to the stub auth-service what the real one would accept, and refuses the
	 * rest with a 400.
	 */
	static final class AuthServiceLimits {

		static final int MAX_REQUEST_LINE = 8 * 1024;

		static final int MAX_IDS = 500;

		private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "expect",
				"upgrade", "transfer-encoding");

		final AtomicInteger forwarded = new AtomicInteger();

		final AtomicInteger refused = new AtomicInteger();

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final String target;

		private final HttpServer server;

		AuthServiceLimits(String target) {
			this.target = target;
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			this.server.createContext("/", exchange -> {
				try (exchange) {
					handle(exchange);
				}
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		private void handle(HttpExchange exchange) throws IOException {
			URI uri = exchange.getRequestURI();
			String query = (uri.getRawQuery() != null) ? uri.getRawQuery() : "";
			int ids = query.contains("ids=") ? query.split(",|%2C", -1).length : 0;
			if (uri.toString().length() > MAX_REQUEST_LINE || ids > MAX_IDS) {
				this.refused.incrementAndGet();
				respond(exchange, 400, "{\"status\":400}".getBytes(), "application/problem+json");
				return;
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.target + uri))
				.method(exchange.getRequestMethod(),
						HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach(value -> request.header(name, value));
				}
			});
			try {
				HttpResponse<byte[]> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofByteArray());
				this.forwarded.incrementAndGet();
				respond(exchange, response.statusCode(), response.body(),
						response.headers().firstValue("Content-Type").orElse("application/json"));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				respond(exchange, 503, new byte[0], "application/json");
			}
		}

		private static void respond(HttpExchange exchange, int status, byte[] body, String contentType)
				throws IOException {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
		}

	}

}
