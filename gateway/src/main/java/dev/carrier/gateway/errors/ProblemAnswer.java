package dev.carrier.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.codec.DecoderException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The answer {@link ProblemErrorHandler} gives for an exception: what the client caused
 * is a 4xx; an unavailable service is a 503 with {@code Retry-After}; only what nobody
 * foresaw is a 500, marked {@code unexpected}.
 *
 * @param status the response status
 * @param detail the problem's detail, naming the request or the service, never the
 * exception
 * @param retryAfterSeconds the {@code Retry-After} to send, or 0 for none
 * @param unexpected whether nobody foresaw the exception (a bug, logged in full)
 */
record ProblemAnswer(HttpStatusCode status, String detail, long retryAfterSeconds, boolean unexpected) {

	/** Matches the circuit breakers' wait in the open state (application.yml). */
	static final long CIRCUIT_OPEN_RETRY_AFTER_SECONDS = 5;

	/**
	 * A refused connection or a missing instance: the readiness checks run every few
	 * seconds.
	 */
	static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

	/** Resilience4j's bulkhead is a runtime-only dependency; matched by name. */
	private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

	static ProblemAnswer of(HttpStatusCode status, String detail) {
		return new ProblemAnswer(status, detail, 0, false);
	}

	static ProblemAnswer unavailable(String detail, long retryAfterSeconds) {
		return new ProblemAnswer(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfterSeconds, false);
	}

	static ProblemAnswer forFailure(ServerWebExchange exchange, Throwable ex) {
		String service = serviceOf(exchange);
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
		if (Causes.include(ex, CallNotPermittedException.class)
				|| Causes.include(ex, ServiceUnavailableException.class)) {
			// The gateway's circuit breaker filter turns an open circuit into
			// ServiceUnavailableException.
			return unavailable(service + " is failing; requests are paused for a few seconds. Try again shortly.",
					CIRCUIT_OPEN_RETRY_AFTER_SECONDS);
		}
		if (Causes.includeNamed(ex, BULKHEAD_FULL)) {
			return unavailable(service + " is busy. Try again shortly.", UNAVAILABLE_RETRY_AFTER_SECONDS);
		}
		if (Causes.include(ex, ConnectException.class)) {
			return unavailable(service + " is not reachable. Try again shortly.", UNAVAILABLE_RETRY_AFTER_SECONDS);
		}
		if (Causes.include(ex, TimeoutException.class)
				|| Causes.include(ex, io.netty.handler.timeout.TimeoutException.class)) {
			return of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time. Try again shortly.");
		}
		if (Causes.include(ex, DataBufferLimitException.class)) {
			return of(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
		}
		if (Causes.include(ex, InvalidMediaTypeException.class) || Causes.include(ex, InvalidMimeTypeException.class)) {
			return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The Content-Type header is not a valid media type for " + request + ".");
		}
		if (ex instanceof ResponseStatusException rse) {
			HttpStatusCode status = rse.getStatusCode();
			long retryAfter = (status.value() == 503) ? UNAVAILABLE_RETRY_AFTER_SECONDS : 0;
			return new ProblemAnswer(status, detailFor(status, request, service), retryAfter, false);
		}
		if (Causes.include(ex, DecodingException.class) || Causes.include(ex, DecoderException.class)) {
			return of(HttpStatus.BAD_REQUEST, "The request could not be read: " + request + ".");
		}
		if (Causes.include(ex, IOException.class)) {
			return of(HttpStatus.BAD_GATEWAY, service + " closed the connection unexpectedly.");
		}
		return new ProblemAnswer(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway.", 0, true);
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

	static String serviceOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		// Each route names its service in its metadata (application.yml), for messages
		// like these.
		Object service = (route != null) ? route.getMetadata().get("service") : null;
		return (service != null) ? service.toString() : "The service";
	}

}
