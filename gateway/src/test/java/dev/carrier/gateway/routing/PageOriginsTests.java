package dev.carrier.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageOriginsTests {

	@Test
	void theOriginReachedIsTheRequestsSchemeAndHost() {
		assertThat(PageOrigins.reachedAt(get("http://127.0.0.1:8080/api/ws"), 0)).isEqualTo("http://127.0.0.1:8080");
		assertThat(PageOrigins.reachedAt(get("http://Carrier.Example:80/api/ws"), 0))
			.isEqualTo("http://carrier.example");
		assertThat(PageOrigins.reachedAt(get("https://carrier.example:443/api/ws"), 0))
			.isEqualTo("https://carrier.example");
		assertThat(PageOrigins.reachedAt(get("http://[::1]:8080/api/ws"), 0)).isEqualTo("http://[::1]:8080");
	}

	@Test
	void forwardedSchemeAndHostCountOnlyBehindTrustedProxies() {
		MockServerHttpRequest behindProxy = MockServerHttpRequest.get("http://gateway:8080/api/ws")
			.header(PageOrigins.FORWARDED_PROTO, "https")
			.header(PageOrigins.FORWARDED_HOST, "chat.example")
			.build();
		assertThat(PageOrigins.reachedAt(behindProxy, 0)).isEqualTo("http://gateway:8080");
		assertThat(PageOrigins.reachedAt(behindProxy, 1)).isEqualTo("https://chat.example");
	}

	@Test
	void aForwardedValueTheClientAddedBeforeTheTrustedProxiesIsIgnored() {
		MockServerHttpRequest forged = MockServerHttpRequest.get("http://gateway:8080/api/ws")
			.header(PageOrigins.FORWARDED_HOST, "evil.example, chat.example")
			.header(PageOrigins.FORWARDED_PROTO, "http", "https")
			.build();
		assertThat(PageOrigins.reachedAt(forged, 1)).isEqualTo("https://chat.example");
		assertThat(PageOrigins.reachedAt(forged, 2)).isEqualTo("http://evil.example");
		assertThat(PageOrigins.reachedAt(forged, 5)).isEqualTo("http://evil.example");
	}

	@Test
	void originsAreComparedInOneSpelling() {
		assertThat(PageOrigins.normalize("HTTPS://App.Example:443")).isEqualTo("https://app.example");
		assertThat(PageOrigins.normalize("http://localhost:5173")).isEqualTo("http://localhost:5173");
		assertThat(PageOrigins.normalize("null")).isNull();
		assertThat(PageOrigins.normalize("http://a.example/path")).isNull();
		assertThat(PageOrigins.normalize("http://user@a.example")).isNull();
		assertThat(PageOrigins.normalize("file://")).isNull();
		assertThat(PageOrigins.normalize("http://a b")).isNull();
	}

	@Test
	void aConfiguredOriginThatIsNotOneStopsTheGatewayAtStartUp() {
		assertThat(PageOrigins.normalizeAll(List.of("https://app.example/"))).containsExactly("https://app.example");
		assertThatIllegalArgumentException().isThrownBy(() -> PageOrigins.normalizeAll(List.of("app.example")));
	}

	private static MockServerHttpRequest get(String url) {
		return MockServerHttpRequest.get(url).build();
	}

}
