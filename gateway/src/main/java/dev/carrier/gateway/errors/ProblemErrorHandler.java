package dev.carrier.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every exception that reaches the top of the gateway into a problem document:
 * unknown paths, wrong methods, malformed requests, a service that is down, slow or
 * refusing connections, oversize bodies. Runs before Boot's default handler so no
 * Whitelabel page or stack trace is ever written. What the client caused is a 4xx; an
 * unavailable service is a 503 with {@code Retry-After}; only what nobody foresaw is a
 * 500. Failures repeat in bursts (a service down fails every request alike), so each kind
 * is logged once per burst, without a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	/** Matches the circuit breakers' wait in the open state (application.yml). */
	static final long CIRCUIT_OPEN_RETRY_AFTER_SECONDS = 5;

	/**
	 * A refused connection or a missing instance: the readiness checks run every few
	 * seconds.
	 */
	static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

	/** Resilience4j's bulkhead is a runtime-only dependency; matched by name. */
	private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

	private final BurstLog burstLog = new BurstLog(Duration.ofSeconds(10));

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted() || headersSent(exchange.getResponse())) {
			return abandon(exchange, ex);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex) && clientIsGone(exchange)) {
			// Nobody is left to read an answer.
			return Mono.empty();
		}
		Answer answer = answerFor(exchange, ex);
		if (answer.status().is5xxServerError() && !answer.unexpected()) {
			String service = serviceOf(exchange);
			String kind = answer.status().value() + " " + service + " " + ex.getClass().getName();
			this.burstLog.record(kind,
					suppressed -> log.warn("{} {} answered {}: {}{}", exchange.getRequest().getMethod(),
							exchange.getRequest().getPath(), answer.status().value(), describe(ex),
							alsoSuppressed(suppressed)));
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.clearContentHeaders();
		if (ex instanceof MethodNotAllowedException notAllowed) {
			headers.setAllow(notAllowed.getSupportedMethods());
		}
		if (answer.retryAfterSeconds() > 0) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
		}
		return Problems.write(exchange, answer.status(), answer.detail());
	}

	private Answer answerFor(ServerWebExchange exchange, Throwable ex) {
		String service = serviceOf(exchange);
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
		if (has(ex, CallNotPermittedException.class) || has(ex, ServiceUnavailableException.class)) {
			// The gateway's circuit breaker filter turns an open circuit into
			// ServiceUnavailableException.
			return Answer.unavailable(
					service + " is failing; requests are paused for a few seconds. Try again shortly.",
					CIRCUIT_OPEN_RETRY_AFTER_SECONDS);
		}
		if (hasNamed(ex, BULKHEAD_FULL)) {
			return Answer.unavailable(service + " is busy. Try again shortly.", UNAVAILABLE_RETRY_AFTER_SECONDS);
		}
		if (has(ex, ConnectException.class)) {
			return Answer.unavailable(service + " is not reachable. Try again shortly.",
					UNAVAILABLE_RETRY_AFTER_SECONDS);
		}
		if (has(ex, TimeoutException.class) || has(ex, io.netty.handler.timeout.TimeoutException.class)) {
			return Answer.of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time. Try again shortly.");
		}
		if (has(ex, DataBufferLimitException.class)) {
			return Answer.of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
		}
		if (has(ex, InvalidMediaTypeException.class) || has(ex, InvalidMimeTypeException.class)) {
			return Answer.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The Content-Type header is not a valid media type for " + request + ".");
		}
		if (ex instanceof ResponseStatusException rse) {
			HttpStatusCode status = rse.getStatusCode();
			long retryAfter = (status.value() == 503) ? UNAVAILABLE_RETRY_AFTER_SECONDS : 0;
			return new Answer(status, detailFor(status, request, service), retryAfter, false);
		}
		if (has(ex, DecodingException.class) || has(ex, DecoderException.class)) {
			return Answer.of(HttpStatus.BAD_REQUEST, "The request could not be read: " + request + ".");
		}
		if (has(ex, IOException.class)) {
			return Answer.of(HttpStatus.BAD_GATEWAY, service + " closed the connection unexpectedly.");
		}
		this.burstLog.record("500 " + ex.getClass().getName(),
				suppressed -> log.error("Unexpected error for {}{}", request, alsoSuppressed(suppressed), ex));
		return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway.", 0, true);
	}

	/**
	 * The response is already on its way (a proxied answer, a WebSocket upgrade, or
	 * Netty's own 400 for a body it could not decode): no problem document can follow.
	 * Closing the connection tells the client the response is incomplete, which is all
	 * that can be done.
	 */
	private Mono<Void> abandon(ServerWebExchange exchange, Throwable ex) {
		if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			this.burstLog.record("committed " + ex.getClass().getName(),
					suppressed -> log.warn("{} {} failed after the response had started; closing the connection: {}{}",
							exchange.getRequest().getMethod(), exchange.getRequest().getPath(), describe(ex),
							alsoSuppressed(suppressed)));
		}
		if (nativeResponse(exchange.getResponse()) instanceof Connection connection) {
			connection.dispose();
			return Mono.empty();
		}
		return Mono.error(ex);
	}

	private static boolean headersSent(ServerHttpResponse response) {
		return nativeResponse(response) instanceof HttpServerResponse netty && netty.hasSentHeaders();
	}

	/**
	 * "Connection reset by peer" reads the same whether the browser or the upstream
	 * service hung up; only a closed client channel means nobody is waiting. An upstream
	 * that died mid-request must still get its caller a 502 problem, not an empty 200.
	 */
	private static boolean clientIsGone(ServerWebExchange exchange) {
		return !(nativeResponse(exchange.getResponse()) instanceof Connection connection) || connection.isDisposed()
				|| !connection.channel().isActive();
	}

	private static Object nativeResponse(ServerHttpResponse response) {
		try {
			return ServerHttpResponseDecorator.getNativeResponse(response);
		}
		catch (IllegalArgumentException ex) {
			return null; // not a Reactor Netty response (a mock in a test)
		}
	}

	private static String detailFor(HttpStatusCode status, String request, String service) {
		return switch (status.value()) {
			case 400 -> "The request could not be read: " + request + ".";
			case 404 -> "Nothing is served at " + request + ".";
			case 405 -> "The method is not allowed for " + request + ".";
			case 406 -> "No acceptable representation for " + request + ".";
			case 413 -> "The request body is too large.";
			case 415 -> "The content type is not supported for " + request + ".";
			case 503 -> service + " is unavailable. Try again shortly.";
			case 504 -> service + " did not answer in time. Try again shortly.";
			default -> (status.is4xxClientError()) ? "The request could not be processed: " + request + "."
					: "The gateway could not complete " + request + ".";
		};
	}

	private static String serviceOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		// Each route names its service in its metadata (application.yml), for messages
		// like these.
		Object service = (route != null) ? route.getMetadata().get("service") : null;
		return (service != null) ? service.toString() : "The service";
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasNamed(Throwable ex, String className) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t.getClass().getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return ex.getClass().getSimpleName() + ((root != ex) ? " (" + root.getClass().getSimpleName() + ")" : "");
	}

	private static String alsoSuppressed(long suppressed) {
		return (suppressed > 0) ? " (and " + suppressed + " more like it since the last such line)" : "";
	}

	private record Answer(HttpStatusCode status, String detail, long retryAfterSeconds, boolean unexpected) {

		static Answer of(HttpStatusCode status, String detail) {
			return new Answer(status, detail, 0, false);
		}

		static Answer unavailable(String detail, long retryAfterSeconds) {
			return new Answer(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfterSeconds, false);
		}

	}

}
