package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the public port tells about the API: the public paths, never the services' internal ones. */
class PublicSurfaceEndToEndTests {

	@ParameterizedTest
	@ValueSource(strings = { "/v3/api-docs/auth", "/v3/api-docs/chat" })
	void thePublishedApiDocumentsListOnlyPublicPaths(String document) {
		var reply = get(document, null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("paths").propertyNames()).isNotEmpty()
			.allMatch(path -> path.startsWith("/api/"), "a public path");
	}

}
