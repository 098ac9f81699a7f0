package dev.carrier.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the RFC 9457 problem documents the gateway itself answers with (401, 404, 429,
 * 503...). Responses proxied from a service keep the service's own body.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://carrier.dev/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
		return write(exchange.getResponse(), exchange.getRequest().getPath().value(), status, detail);
	}

	public static Mono<Void> write(ServerHttpResponse response, String instance, HttpStatusCode status, String detail) {
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		// A refusal the gateway writes itself ends its connection. After such an answer
		// that
		// followed a static file on the same keep-alive connection, the next request on
		// it was
		// sometimes never read (reproduced with curl: GET /, then GET /api/nope, then any
		// call
		// hung); closing makes the client send its next request on a fresh connection.
		headers.setConnection("close");
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.setCacheControl("no-store");
		DataBuffer body = response.bufferFactory().wrap(toJson(status, detail, instance));
		return response.writeWith(Mono.just(body));
	}

	static byte[] toJson(HttpStatusCode status, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + slug(status));
		problem.put("title", title(status));
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		return JSON.writeValueAsBytes(problem);
	}

	static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	static String slug(HttpStatusCode status) {
		return title(status).toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}

}
