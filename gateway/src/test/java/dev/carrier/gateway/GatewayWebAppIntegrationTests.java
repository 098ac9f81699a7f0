package dev.carrier.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser meets: security headers on every answer, cross-origin calls refused, and
 * the single-page app served with the right caching, never in place of an API or a file.
 */
class GatewayWebAppIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void everyResponseCarriesSecurityHeaders() {
		String token = login();
		for (var spec : new WebTestClient.ResponseSpec[] { get("/api/chats", token),
				this.client.get().uri("/nothing").exchange(),
				this.client.get().uri("/").accept(MediaType.TEXT_HTML).exchange() }) {
			spec.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value("Content-Security-Policy",
						csp -> assertThat(csp).contains("default-src 'self'", "connect-src 'self' ws: wss:",
								"frame-ancestors 'none'"))
				.expectHeader()
				.exists("Permissions-Policy");
		}
	}

	@Test
	void crossOriginRequestsAreRefused() {
		expectProblem(this.client.options()
			.uri("/api/chats")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange(), 403).getResponseHeaders()
			.forEach((name, values) -> assertThat(name).doesNotStartWithIgnoringCase("Access-Control-Allow"));
		expectProblem(this.client.post()
			.uri("/api/auth/login")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), 403);
		this.client.post()
			.uri("/api/auth/login")
			.header(HttpHeaders.ORIGIN, "http://localhost:" + this.port)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void appPathsServeIndexHtmlUncached() {
		for (String path : new String[] { "/", "/chats/42", "/profile" }) {
			this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.cacheControl(CacheControl.noCache())
				.expectBody(String.class)
				.value(html -> assertThat(html).contains("carrier-test-app"));
		}
	}

	@Test
	void hashedAssetsAreCachedForLong() {
		this.client.get()
			.uri("/assets/app-3f9a1c.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("max-age=31536000", "immutable"));
	}

	@Test
	void apiAndUnknownFilesNeverFallBackToTheApp() {
		expectProblem(this.client.get().uri("/missing.js").accept(MediaType.TEXT_HTML).exchange(), 404);
		expectProblem(this.client.get().uri("/actuator/nothing").accept(MediaType.TEXT_HTML).exchange(), 404);
		expectProblem(this.client.get().uri("/chats/42").accept(MediaType.APPLICATION_JSON).exchange(), 404);
	}

}
