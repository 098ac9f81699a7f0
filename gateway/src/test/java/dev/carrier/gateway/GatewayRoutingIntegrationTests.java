package dev.carrier.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each path prefix reaches its service, chat calls are spread over the live instances,
 * WebSockets are proxied, and what is not routed is a problem.
 */
class GatewayRoutingIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void eachPrefixReachesItsService() {
		String token = login();
		assertThat(echo(get("/api/users/me", token)).path("instance").asString()).isEqualTo("auth");
		assertThat(echo(get("/api/auth/sessions", token)).path("instance").asString()).isEqualTo("auth");
		JsonNode chats = echo(get("/api/chats", token));
		assertThat(chats.path("instance").asString()).startsWith("chat-");
		JsonNode messages = echo(get("/api/chats/c1/messages?afterSeq=3", token));
		assertThat(messages.path("path").asString()).isEqualTo("/api/chats/c1/messages?afterSeq=3");
		// presence is chat-service's, its setting auth-service's
		assertThat(echo(get("/api/users/presence?ids=u1", token)).path("instance").asString()).startsWith("chat-");
		assertThat(echo(get("/api/users/me/presence", token)).path("instance").asString()).isEqualTo("auth");
	}

	@Test
	void postBodiesAreForwardedUnchanged() {
		String token = login();
		JsonNode echo = echo(this.client.post()
			.uri("/api/chats/c1/messages")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"hi\",\"clientMessageId\":\"m1\"}")
			.exchange());
		assertThat(echo.path("method").asString()).isEqualTo("POST");
		assertThat(echo.path("body").asString()).isEqualTo("{\"text\":\"hi\",\"clientMessageId\":\"m1\"}");
	}

	@Test
	void serviceApiDocsAreServedUnderTheirOwnNames() {
		this.client.get()
			.uri("/v3/api-docs/auth")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("auth");
		this.client.get()
			.uri("/v3/api-docs/chat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.value(title -> assertThat((String) title).startsWith("chat-"));
	}

	@Test
	void swaggerUiListsBothServices() {
		this.client.get()
			.uri("/v3/api-docs/gateway/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[?(@.url == '/v3/api-docs/auth')]")
			.exists()
			.jsonPath("$.urls[?(@.url == '/v3/api-docs/chat')]")
			.exists();
	}

	@Test
	void internalPathsAreNeverRouted() {
		String token = login();
		for (String path : new String[] { "/internal/sessions/current", "/internal/users/lookup?q=x" }) {
			expectProblem(this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange(),
					404);
		}
		assertThat(auth.calledPaths).noneMatch(p -> p.startsWith("/internal/users"));
	}

	@Test
	void unknownRoutesAreProblems() {
		String token = login();
		expectProblem(get("/api/nowhere", token), 404);
		expectProblem(this.client.get().uri("/nothing-here.txt").exchange(), 404);
		expectProblem(this.client.get().uri("/api/nowhere").accept(MediaType.TEXT_HTML).exchange(), 404);
	}

	@Test
	void wrongMethodOnTheGatewayIsAProblem() {
		expectProblem(this.client.post().uri("/v3/api-docs/gateway").exchange(), 405);
	}

	// ---------------------------------------------------------------- load balancing and
	// WebSocket

	@Test
	void chatCallsAreSpreadOverTheInstances() {
		String token = login();
		Set<String> instances = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			instances.add(echo(get("/api/chats", token)).path("instance").asString());
		}
		assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aDeadChatInstanceIsSkipped() {
		String token = login();
		chatDoomed.close();
		for (int i = 0; i < 12; i++) {
			assertThat(echo(get("/api/chats", token)).path("instance").asString()).isIn("chat-a", "chat-b");
		}
		for (int i = 0; i < 12; i++) {
			assertThat(echo(this.client.post()
				.uri("/api/chats")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"members\":[\"x\"]}")
				.exchange()).path("body").asString()).isEqualTo("{\"members\":[\"x\"]}");
		}
	}

	@Test
	void webSocketsAreProxiedEndToEnd() {
		Sinks.One<String> reply = Sinks.one();
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://localhost:" + this.port + "/api/ws"),
					session -> session.send(Mono.just(session.textMessage("{\"type\":\"auth\"}")))
						.thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(1))
						.doOnNext(reply::tryEmitValue)
						.then())
			.block(Duration.ofSeconds(10));
		assertThat(reply.asMono().block(Duration.ofSeconds(1))).matches("chat-(a|b|doomed):\\{\"type\":\"auth\"}");
	}

	@Test
	void aPlainGetOnTheWebSocketPathIsNotRouted() {
		expectProblem(this.client.get().uri("/api/ws").exchange(), 404);
	}

}
