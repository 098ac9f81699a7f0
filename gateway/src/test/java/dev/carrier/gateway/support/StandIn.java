package dev.carrier.gateway.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP/WebSocket server standing in for auth-service or a chat-service
 * instance. It answers every call with a JSON echo of what it received (method, path,
 * headers, body), so a test can see exactly what the gateway forwarded; a few paths
 * behave like the real service.
 */
public final class StandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final DisposableServer server;

	/** token → userId: the sessions this stand-in (as auth-service) considers valid. */
	public final Map<String, String> sessions = new ConcurrentHashMap<>();

	public final AtomicInteger sessionChecks = new AtomicInteger();

	/** The {@code X-Carrier-Service} credential of the latest session check. */
	public volatile String lastServiceCredential;

	/** Paths called on this stand-in, so a test can prove something never arrived. */
	public final Set<String> calledPaths = ConcurrentHashMap.newKeySet();

	/** Request body bytes received, counted as they arrive, whole requests or not. */
	public final AtomicLong bodyBytesReceived = new AtomicLong();

	/** Paths that answer only after this delay. */
	public final Map<String, Duration> slowPaths = new ConcurrentHashMap<>();

	/** Open connections, closed on {@link #close()} as a crashed process would. */
	private final Set<io.netty.channel.Channel> connections = ConcurrentHashMap.newKeySet();

	private StandIn(String name) {
		this.name = name;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, address) -> this.connections.add(channel))
			.handle(this::handle)
			.bindNow();
	}

	public static StandIn start(String name) {
		return new StandIn(name);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public String name() {
		return this.name;
	}

	/** A port on which nothing listens: a dead service. */
	public static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(2));
		this.connections.forEach(channel -> channel.close().awaitUninterruptibly());
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.fullPath();
		this.calledPaths.add(path);
		if (path.equals("/api/ws")) {
			return response.sendWebsocket(
					(in, out) -> out.sendString(in.receive().asString().map(text -> this.name + ":" + text)));
		}
		if (path.equals("/actuator/health/readiness")) {
			return json(response, 200, Map.of("status", "UP"));
		}
		Duration delay = this.slowPaths.getOrDefault(path, Duration.ZERO);
		return ByteBufFlux
			.fromInbound(request.receive().doOnNext(chunk -> this.bodyBytesReceived.addAndGet(chunk.readableBytes())))
			.aggregate()
			.asString()
			.defaultIfEmpty("")
			.delayElement(delay)
			.flatMap(body -> {
				String token = bearer(request);
				return switch (path) {
					case "/internal/sessions/current" -> {
						this.lastServiceCredential = request.requestHeaders().get("X-Carrier-Service");
						yield currentSession(response, token);
					}
					case "/api/auth/logout" -> {
						this.sessions.remove(token);
						yield response.status(204).send();
					}
					case "/api/users/me/password" -> {
						// Like auth-service: the user's other sessions end.
						String userId = this.sessions.get(token);
						this.sessions.entrySet()
							.removeIf(e -> e.getValue().equals(userId) && !e.getKey().equals(token));
						yield response.status(204).send();
					}
					case "/v3/api-docs/public" -> json(response, 200,
							Map.of("openapi", "3.1.0", "info", Map.of("title", this.name, "version", "1")));
					default -> json(response, 200, echo(request, request.uri(), body));
				};
			});
	}

	private Mono<Void> currentSession(HttpServerResponse response, String token) {
		this.sessionChecks.incrementAndGet();
		String userId = (token != null) ? this.sessions.get(token) : null;
		if (userId == null) {
			return response.status(401)
				.header("Content-Type", "application/problem+json")
				.sendString(Mono.just("{\"title\":\"Unauthorized\",\"status\":401}"))
				.then();
		}
		return json(response, 200,
				Map.of("userId", userId, "username", "user-" + userId, "expiresAt", "2030-01-01T00:00:00Z"));
	}

	private Map<String, Object> echo(HttpServerRequest request, String path, String body) {
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach(e -> headers.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + "," + b));
		Map<String, Object> echo = new LinkedHashMap<>();
		echo.put("instance", this.name);
		echo.put("method", request.method().name());
		echo.put("path", path);
		echo.put("headers", headers);
		echo.put("body", body);
		return echo;
	}

	private static String bearer(HttpServerRequest request) {
		String authorization = request.requestHeaders().get("Authorization");
		return (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
	}

	private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(JSON.writeValueAsString(body)))
			.then();
	}

}
