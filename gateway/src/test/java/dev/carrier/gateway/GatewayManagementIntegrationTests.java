package dev.carrier.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics: the public port says only up or down; everything else is on the
 * management port.
 */
class GatewayManagementIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void thePublicPortTellsOnlyUpOrDown() {
		this.client.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("\"UP\"").doesNotContain("redis", "diskSpace"));
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		for (String internal : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health",
				"/actuator/metrics", "/actuator/env" }) {
			expectProblem(this.client.get().uri(internal).exchange(), 404);
		}
	}

	@Test
	void metricsAndHealthAreOnTheManagementPort() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(15))
			.build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		String token = login();
		get("/api/chats", token).expectStatus().isOk();
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("spring_cloud_gateway_requests"));
	}

}
