package dev.carrier.gateway.ratelimits;

import java.net.InetSocketAddress;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;

import dev.carrier.gateway.tokens.TokenCheckFilter;

/**
 * The rate limiters and key resolvers that the routes in application.yml name
 * ({@code #{@loginPerIpRateLimiter}}, {@code #{@clientIpKeyResolver}}...).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** Longer names cannot be valid logins; cutting them keeps bucket ids small. */
	private static final int MAX_NAME_LENGTH = 320;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Bean
	@Primary
	RedisRateLimiter apiPerUserRateLimiter(RateLimitProperties properties) {
		return limiter(properties.apiPerUser());
	}

	@Bean
	RedisRateLimiter loginPerIpRateLimiter(RateLimitProperties properties) {
		return limiter(properties.loginPerIp());
	}

	@Bean
	RedisRateLimiter loginPerNameRateLimiter(RateLimitProperties properties) {
		return limiter(properties.loginPerName());
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
	 * The login name from the JSON body that the route's {@code CacheRequestBody} filter kept;
	 * empty (no limit by name) when the body has none, and auth-service answers 400.
	 */
	@Bean
	KeyResolver loginNameKeyResolver() {
		return exchange -> Mono.justOrEmpty(loginName(exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR)))
			.map(name -> RedisKeys.loginName(routeId(exchange), name));
	}

	static String loginName(Object body) {
		if (!(body instanceof String json) || json.isBlank()) {
			return null;
		}
		try {
			JsonNode tree = JSON.readTree(json);
			JsonNode name = tree.path("login").isString() ? tree.path("login") : tree.path("username");
			if (!name.isString() || name.asString().isBlank()) {
				return null;
			}
			String normalized = name.asString().trim().toLowerCase(Locale.ROOT);
			return (normalized.length() > MAX_NAME_LENGTH) ? normalized.substring(0, MAX_NAME_LENGTH) : normalized;
		}
		catch (JacksonException ex) {
			return null;
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
		return new RedisRateLimiter(limit.replenishRate(), limit.burstCapacity(), limit.requestedTokens());
	}

}
