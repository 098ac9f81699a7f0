package dev.carrier.chat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP server standing in for another Carrier service in tests; "down" makes
 * it answer 503 to everything, as a service behind a dead dependency would.
 */
abstract class StubServer {

	protected static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final HttpServer server;

	volatile boolean down;

	StubServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", exchange -> {
			try (exchange) {
				if (this.down) {
					respond(exchange, 503, "{\"status\":503}");
					return;
				}
				Response response = handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						query(exchange.getRequestURI()), exchange);
				respond(exchange, response.status(), response.body());
			}
			catch (RuntimeException ex) {
				respond(exchange, 500, "{\"status\":500}");
			}
		});
		this.server.start();
	}

	public void setDown(boolean down) {
		this.down = down;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	abstract Response handle(String method, String path, Map<String, String> query, HttpExchange exchange);

	static Response json(Object body) {
		return new Response(200, JSON.writeValueAsString(body));
	}

	static Response notFound() {
		return new Response(404, "{\"status\":404,\"title\":\"Not Found\"}");
	}

	record Response(int status, String body) {
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status < 400) ? "application/json" : "application/problem+json");
		// -1: no body at all (a 204 must not announce one)
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> result = new HashMap<>();
		String raw = uri.getRawQuery();
		if (raw == null) {
			return result;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return result;
	}

}
