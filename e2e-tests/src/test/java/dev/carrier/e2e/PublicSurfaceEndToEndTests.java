package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the public port tells: the public paths of the API and whether the gateway is UP,
 * never the services' internal paths, metrics or configuration (those are on the
 * management port).
 */
class PublicSurfaceEndToEndTests {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/info", "/actuator/health", "/actuator/metrics",
			"/actuator/env", "/actuator/gateway/routes", "/internal/sessions/current", "/internal/users/online" })
	void actuatorAndInternalPathsAreNotOnThePublicPort(String path) {
		var reply = get(path, null);

		assertThat(reply.status()).as(path).isEqualTo(404);
		assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/readyz", "/livez" })
	void theLoadBalancerLearnsOnlyUpOrDown(String path) {
		var reply = get(path, null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		assertThat(reply.json().has("components")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v3/api-docs/auth", "/v3/api-docs/chat" })
	void thePublishedApiDocumentsListOnlyPublicPaths(String document) {
		var reply = get(document, null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("paths").propertyNames()).isNotEmpty()
			.allMatch(path -> path.startsWith("/api/"), "a public path");
	}

}
