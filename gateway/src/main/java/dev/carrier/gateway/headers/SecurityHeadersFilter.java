package dev.carrier.gateway.headers;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Browser hardening on every response, proxied or local. Set just before the response is
 * committed, so they replace whatever a service sent.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	/**
	 * The app's own scripts, styles and images (plus data:/blob: images for the favicon
	 * and avatar previews), API and WebSocket calls to this origin only. Inline styles
	 * are allowed because React and Swagger UI set style attributes; inline scripts are
	 * not.
	 */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
			"connect-src 'self' ws: wss:", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
			"frame-ancestors 'none'");

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Referrer-Policy", "no-referrer");
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("Permissions-Policy", PERMISSIONS_POLICY);
			headers.set("Cross-Origin-Opener-Policy", "same-origin");
			headers.remove("X-Powered-By");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
