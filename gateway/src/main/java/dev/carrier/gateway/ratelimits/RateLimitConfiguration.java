package dev.carrier.gateway.ratelimits;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import dev.carrier.gateway.tokens.TokenCheckFilter;

/**
 * The rate limiters and key resolvers that the routes in application.yml name
 * ({@code #{@loginPerIpRateLimiter}}, {@code #{@clientIpKeyResolver}}...), and the client
 * address they key on, passed on to the services. Logins per name are limited by
 * auth-service, which normalizes the name exactly as its lookup does (a limit here, on a
 * name trimmed differently, gave every Unicode-padded spelling a fresh bucket).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * Set on every routed request; IdentityHeaders strips any X-Carrier-* header a client
	 * sends.
	 */
	static final String CLIENT_ADDRESS_HEADER = "X-Carrier-Client-Address";

	@Bean
	@Primary
	LocalRateLimiter apiPerUserRateLimiter(RateLimitProperties properties) {
		return new LocalRateLimiter(withBurstAtLeastRate(properties.apiPerUser()), properties.maxKeys());
	}

	@Bean
	RedisRateLimiter loginPerIpRateLimiter(RateLimitProperties properties) {
		return limiter(properties.loginPerIp());
	}

	/** The authenticated caller, or the client address for the few public calls. */
	@Bean
	@Primary
	KeyResolver userKeyResolver(RateLimitProperties properties) {
		RemoteAddressResolver addresses = addressResolver(properties);
		return exchange -> {
			String userId = exchange.getAttribute(TokenCheckFilter.USER_ID_ATTRIBUTE);
			return Mono.just((userId != null) ? RedisKeys.user(userId)
					: RedisKeys.anonymous(clientAddress(addresses, exchange)));
		};
	}

	@Bean
	KeyResolver clientIpKeyResolver(RateLimitProperties properties) {
		RemoteAddressResolver addresses = addressResolver(properties);
		return exchange -> Mono.just(RedisKeys.clientIp(routeId(exchange), clientAddress(addresses, exchange)));
	}

	/**
	 * Tells the services the client's address by the same rule the limits here use (the
	 * connection's address, or {@code trusted-proxy-hops} from the right of
	 * X-Forwarded-For), so auth-service's per-address share of its hashing pool counts
	 * the client, not the gateway, and never trusts an X-Forwarded-For that the client
	 * wrote.
	 */
	@Bean
	GlobalFilter clientAddressFilter(RateLimitProperties properties) {
		return new ClientAddressFilter(addressResolver(properties));
	}

	/**
	 * Runs last before the request leaves, after the identity headers were stripped and
	 * set.
	 */
	private record ClientAddressFilter(RemoteAddressResolver addresses) implements GlobalFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			String address = clientAddress(this.addresses, exchange);
			return chain.filter(exchange.mutate()
				.request(request -> request.headers(headers -> headers.set(CLIENT_ADDRESS_HEADER, address)))
				.build());
		}

		@Override
		public int getOrder() {
			return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
		}

	}

	private static RemoteAddressResolver addressResolver(RateLimitProperties properties) {
		if (properties.trustedProxyHops() > 0) {
			return XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops());
		}
		// The interface's default method answers the connection's address.
		return new RemoteAddressResolver() {
		};
	}

	private static String clientAddress(RemoteAddressResolver resolver, ServerWebExchange exchange) {
		InetSocketAddress address = resolver.resolve(exchange);
		if (address == null) {
			return "unknown";
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	private static String routeId(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "none";
	}

	private static RedisRateLimiter limiter(RateLimitProperties.Limit limit) {
		RateLimitProperties.Limit checked = withBurstAtLeastRate(limit);
		return new RedisRateLimiter(checked.replenishRate(), checked.burstCapacity(), checked.requestedTokens());
	}

	/**
	 * A bucket smaller than a second's refill would refuse what the rate allows (and
	 * Spring Cloud Gateway's limiter refuses to start): raising only the rate, as the
	 * bench does, raises the burst with it.
	 */
	private static RateLimitProperties.Limit withBurstAtLeastRate(RateLimitProperties.Limit limit) {
		return new RateLimitProperties.Limit(limit.replenishRate(),
				Math.max(limit.burstCapacity(), limit.replenishRate()), limit.requestedTokens());
	}

}
