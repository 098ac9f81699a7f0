package dev.carrier.gateway.tokens;

import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.carrier.gateway.errors.Problems;
import dev.carrier.gateway.trust.Assertions;

/**
 * Checks the bearer token of every routed {@code /api/**} call except the few public
 * ones, and passes the caller's id to the service as a signed assertion
 * ({@link Assertions#IDENTITY_HEADER}), after removing any identity header the client
 * sent. Runs before the route filters, so the per-user rate limit sees the caller's id.
 */
@Component
public class TokenCheckFilter implements GlobalFilter, Ordered {

	/** Exchange attribute holding the authenticated caller's user id. */
	public static final String USER_ID_ATTRIBUTE = TokenCheckFilter.class.getName() + ".userId";

	private static final Pattern AVATAR = Pattern.compile("/api/users/[^/]+/avatar");

	private static final String BEARER = "bearer ";

	private static final Logger log = LoggerFactory.getLogger(TokenCheckFilter.class);

	private final SessionCache sessions;

	private final Assertions assertions;

	TokenCheckFilter(SessionCache sessions, Assertions assertions) {
		this.sessions = sessions;
		this.assertions = assertions;
	}

	@Override
	public int getOrder() {
		return -10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/") || isPublic(request.getMethod(), path)) {
			// Mutating copies every header, so only a request that carries a forged one
			// pays for it.
			return chain
				.filter(IdentityHeaders.anyPresent(request.getHeaders()) ? withIdentity(exchange, null) : exchange);
		}
		String token = bearerToken(request.getHeaders());
		if (token == null) {
			return unauthorized(exchange, "This call needs an Authorization: Bearer <token> header.");
		}
		return this.sessions.sessionOf(token)
			.map(Check::valid)
			.defaultIfEmpty(Check.INVALID)
			.onErrorResume(AuthUnavailable.class, ex -> {
				log.warn("Token check failed: {}", ex.getMessage());
				return Mono.just(Check.UNAVAILABLE);
			})
			.flatMap(check -> switch (check.outcome()) {
				case VALID -> proceed(exchange, chain, token, check.session());
				case INVALID -> unauthorized(exchange, "The token is invalid or has expired. Log in again.");
				case UNAVAILABLE -> Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
						"auth-service cannot check the token right now. Try again shortly.");
			});
	}

	private Mono<Void> proceed(ServerWebExchange exchange, GatewayFilterChain chain, String token, Session session) {
		exchange.getAttributes().put(USER_ID_ATTRIBUTE, session.userId());
		ServerWebExchange authenticated = withIdentity(exchange, session.userId());
		Runnable evict = evictionFor(authenticated.getRequest(), token, session);
		if (evict == null) {
			return chain.filter(authenticated);
		}
		// Evict before (no new request reuses the entry) and after (a check that raced
		// the logout).
		evict.run();
		return chain.filter(authenticated).doFinally(signal -> evict.run());
	}

	/**
	 * The exchange with every identity header the client sent removed and, for an
	 * authenticated caller, the gateway's own set: one copy of the headers for both.
	 */
	private ServerWebExchange withIdentity(ServerWebExchange exchange, String userId) {
		String assertion = (userId != null) ? this.assertions.identityOf(userId) : null;
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
			IdentityHeaders.strip(headers);
			if (assertion != null) {
				headers.set(Assertions.IDENTITY_HEADER, assertion);
			}
		}).build();
		return exchange.mutate().request(request).build();
	}

	/** What a call that ends sessions must forget, or null for every other call. */
	private Runnable evictionFor(ServerHttpRequest request, String token, Session session) {
		String path = request.getPath().pathWithinApplication().value();
		if (HttpMethod.POST.equals(request.getMethod()) && path.equals("/api/auth/logout")) {
			return () -> this.sessions.evictToken(token);
		}
		if (HttpMethod.PUT.equals(request.getMethod()) && path.equals("/api/users/me/password")) {
			return () -> this.sessions.evictUser(session.userId());
		}
		return null;
	}

	static boolean isPublic(HttpMethod method, String path) {
		if (HttpMethod.POST.equals(method)) {
			return path.equals("/api/auth/signup") || path.equals("/api/auth/login");
		}
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			// chat-service checks a WebSocket's token itself (first frame or
			// subprotocol).
			return path.equals("/api/ws") || AVATAR.matcher(path).matches();
		}
		return false;
	}

	static String bearerToken(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).trim();
		return token.isEmpty() ? null : token;
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return Problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
	}

	private enum Outcome {

		VALID, INVALID, UNAVAILABLE

	}

	private record Check(Outcome outcome, Session session) {

		static final Check INVALID = new Check(Outcome.INVALID, null);

		static final Check UNAVAILABLE = new Check(Outcome.UNAVAILABLE, null);

		static Check valid(Session session) {
			return new Check(Outcome.VALID, session);
		}

	}

}
