package dev.carrier.gateway.errors;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
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
		ProblemAnswer answer = ProblemAnswer.forFailure(exchange, ex);
		if (answer.unexpected()) {
			String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
			this.burstLog.record("500 " + ex.getClass().getName(),
					suppressed -> log.error("Unexpected error for {}{}", request, alsoSuppressed(suppressed), ex));
		}
		else if (answer.status().is5xxServerError()) {
			String service = ProblemAnswer.serviceOf(exchange);
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

}
