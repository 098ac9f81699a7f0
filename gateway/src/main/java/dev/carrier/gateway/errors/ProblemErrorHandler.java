package dev.carrier.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception that reaches the top of the gateway into a problem document: unknown
 * paths, wrong methods, a service that is down, slow or refusing connections, oversize bodies.
 * Runs before Boot's default handler so no Whitelabel page or stack trace is ever written.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		Answer answer = answerFor(exchange, ex);
		if (answer.status().is5xxServerError()) {
			log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					answer.status().value(), describe(ex));
		}
		exchange.getResponse().getHeaders().clearContentHeaders();
		if (ex instanceof MethodNotAllowedException notAllowed) {
			exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
		}
		return Problems.write(exchange, answer.status(), answer.detail());
	}

	private Answer answerFor(ServerWebExchange exchange, Throwable ex) {
		String service = serviceOf(exchange);
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
		if (has(ex, CallNotPermittedException.class)) {
			return new Answer(HttpStatus.SERVICE_UNAVAILABLE,
					service + " is failing; requests are paused for a few seconds. Try again shortly.");
		}
		if (has(ex, ConnectException.class)) {
			return new Answer(HttpStatus.SERVICE_UNAVAILABLE, service + " is not reachable. Try again shortly.");
		}
		if (has(ex, TimeoutException.class) || has(ex, io.netty.handler.timeout.TimeoutException.class)) {
			return new Answer(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time. Try again shortly.");
		}
		if (has(ex, DataBufferLimitException.class)) {
			return new Answer(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
		}
		if (ex instanceof ResponseStatusException rse) {
			return new Answer(rse.getStatusCode(), detailFor(rse.getStatusCode(), request, service));
		}
		if (has(ex, IOException.class)) {
			return new Answer(HttpStatus.BAD_GATEWAY, service + " closed the connection unexpectedly.");
		}
		log.error("Unexpected error for {}", request, ex);
		return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway.");
	}

	private static String detailFor(HttpStatusCode status, String request, String service) {
		return switch (status.value()) {
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
		// Each route names its service in its metadata (application.yml), for messages like these.
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

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return ex.getClass().getSimpleName() + ((root != ex) ? " (" + root.getClass().getSimpleName() + ")" : "");
	}

	private record Answer(HttpStatusCode status, String detail) {
	}

}
