package dev.carrier.gateway.tokens;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTests {

	@Test
	void everyReservedOrForgeableHeaderIsRemovedWhateverItsCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Carrier-User-Id", "a");
		headers.add("x-carrier-anything", "b");
		headers.add("X-USER-ID", "c");
		headers.add("x-forwarded-user", "d");
		headers.add("Authorization", "Bearer t");
		headers.add("X-Request-Id", "e");
		IdentityHeaders.strip(headers);
		assertThat(headers.headerNames()).containsExactlyInAnyOrder("Authorization", "X-Request-Id");
	}

	@Test
	void onlyTheDocumentedCallsArePublic() {
		assertThat(TokenCheckFilter.isPublic(HttpMethod.POST, "/api/auth/login")).isTrue();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.POST, "/api/auth/signup")).isTrue();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.GET, "/api/users/u1/avatar")).isTrue();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.GET, "/api/ws")).isTrue();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.POST, "/api/auth/logout")).isFalse();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.PUT, "/api/users/me/avatar")).isFalse();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.GET, "/api/auth/login")).isFalse();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.GET, "/api/users/u1/avatar/x")).isFalse();
		assertThat(TokenCheckFilter.isPublic(HttpMethod.GET, "/api/users/me")).isFalse();
	}

	@Test
	void onlyAWellFormedBearerHeaderYieldsAToken() {
		assertThat(TokenCheckFilter.bearerToken(headers("Bearer abc"))).isEqualTo("abc");
		assertThat(TokenCheckFilter.bearerToken(headers("bearer abc"))).isEqualTo("abc");
		assertThat(TokenCheckFilter.bearerToken(headers("Bearer "))).isNull();
		assertThat(TokenCheckFilter.bearerToken(headers("Basic abc"))).isNull();
		assertThat(TokenCheckFilter.bearerToken(new HttpHeaders())).isNull();
	}

	private static HttpHeaders headers(String authorization) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
		return headers;
	}

}
