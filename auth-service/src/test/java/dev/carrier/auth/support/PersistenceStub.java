package dev.carrier.auth.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for persistence-service (and chat-service's logout hook) on a local port,
 * serving the internal JSON contract of docs/architecture.md from what a test puts in it,
 * and recording the calls it receives. One per JVM, shared by every integration test;
 * tests use unique ids.
 */
public final class PersistenceStub {

	public static final PersistenceStub INSTANCE = new PersistenceStub();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Map<String, Object>> usersById = new ConcurrentHashMap<>();

	private final Map<String, byte[]> avatars = new ConcurrentHashMap<>();

	private final Map<String, String> avatarTypes = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private PersistenceStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** A user MySQL holds, in the {@code UserRecord} JSON shape. */
	public void putUser(Map<String, Object> userRecord) {
		this.usersById.put((String) userRecord.get("id"), userRecord);
	}

	public void putAvatar(String userId, String contentType, byte[] bytes) {
		this.avatars.put(userId, bytes);
		this.avatarTypes.put(userId, contentType);
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	public boolean received(String call) {
		return this.calls.contains(call);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery();
			this.calls.add(method + " " + path
					+ ((query != null) ? "?" + URLDecoder.decode(query, StandardCharsets.UTF_8) : ""));
			exchange.getRequestBody().readAllBytes();
			if ("POST".equals(method) && path.matches("/internal/users/[^/]+/logged-(in|out)")) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			if ("GET".equals(method) && path.equals("/internal/users/by-login")) {
				String login = param(query, "login").toLowerCase(Locale.ROOT);
				Map<String, Object> user = this.usersById.values()
					.stream()
					.filter((candidate) -> login.equals(lower(candidate.get("username")))
							|| login.equals(lower(candidate.get("email"))))
					.findFirst()
					.orElse(null);
				sendUser(exchange, user);
				return;
			}
			if ("GET".equals(method) && path.matches("/internal/users/[^/]+/avatar")) {
				String id = path.split("/")[3];
				byte[] bytes = this.avatars.get(id);
				if (bytes == null) {
					send(exchange, 404, "application/problem+json", "{\"status\":404}".getBytes());
				}
				else {
					send(exchange, 200, this.avatarTypes.get(id), bytes);
				}
				return;
			}
			if ("GET".equals(method) && path.matches("/internal/users/[^/]+")) {
				sendUser(exchange, this.usersById.get(path.split("/")[3]));
				return;
			}
			send(exchange, 404, "application/problem+json", "{\"status\":404}".getBytes());
		}
	}

	private void sendUser(HttpExchange exchange, Map<String, Object> user) throws IOException {
		if (user == null) {
			send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}".getBytes());
		}
		else {
			send(exchange, 200, "application/json", this.json.writeValueAsBytes(user));
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String lower(Object value) {
		return (value != null) ? value.toString().toLowerCase(Locale.ROOT) : null;
	}

	private static String param(String query, String name) {
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && pair.substring(0, eq).equals(name)) {
					return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
		}
		return "";
	}

}
