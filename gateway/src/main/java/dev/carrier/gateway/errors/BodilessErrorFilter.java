package dev.carrier.gateway.errors;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gateway filters such as {@code RequestRateLimiter} end a refused request with a bare
 * status and no body. This decorator gives such responses a problem document (and a
 * {@code Retry-After} for 429), so a client always gets the same error shape. Responses
 * proxied from a service are left alone.
 */
@Component
class BodilessErrorFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> setComplete() {
				HttpStatusCode status = getStatusCode();
				boolean proxied = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null;
				if (status == null || !status.isError() || proxied || isCommitted()) {
					return super.setComplete();
				}
				return Problems.write(getDelegate(), exchange.getRequest().getPath().value(), status,
						detailFor(status, getHeaders()));
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

	private static String detailFor(HttpStatusCode status, HttpHeaders headers) {
		if (status.value() == 429) {
			long retryAfter = retryAfterSeconds(headers);
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			return "Too many requests. Try again in " + retryAfter + (retryAfter == 1 ? " second." : " seconds.");
		}
		return "The request was refused.";
	}

	/**
	 * The time until the refused request's tokens are back in its bucket: requested
	 * tokens over the replenish rate (both reported by {@link RedisRateLimiter}), at
	 * least one second. A route with two limiters carries both limiters' headers; the
	 * last one is the limiter that refused.
	 */
	static long retryAfterSeconds(HttpHeaders headers) {
		try {
			long requested = Long.parseLong(last(headers, RedisRateLimiter.REQUESTED_TOKENS_HEADER));
			long rate = Long.parseLong(last(headers, RedisRateLimiter.REPLENISH_RATE_HEADER));
			return Math.max(1, (requested + rate - 1) / rate);
		}
		catch (NumberFormatException | NullPointerException ex) {
			return 1;
		}
	}

	private static String last(HttpHeaders headers, String name) {
		java.util.List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

}
