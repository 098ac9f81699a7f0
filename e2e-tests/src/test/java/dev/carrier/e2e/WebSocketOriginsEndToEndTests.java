package dev.carrier.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.Test;

/**
 * Live updates work at whatever address the app is opened, without configuration, and a foreign
 * page still cannot open a socket with a visitor's session (cross-site WebSocket hijacking).
 */
class WebSocketOriginsEndToEndTests {

	@Test
	void theAppOpenedAtAnotherAddressOfTheGatewayGetsItsSocketAndAForeignPageDoesNot() throws Exception {
		TestUser eva = TestUser.signUp("eva");
		int port = CarrierApi.BASE.getPort();
		String ownOrigin = "http://127.0.0.1:" + port;
		URI socket = URI.create("ws://127.0.0.1:" + port + "/api/ws");

		assertThat(openUntilReady(socket, ownOrigin, eva.token())).isEqualTo("ready");
		assertThatThrownBy(() -> openUntilReady(socket, "http://evil.example", eva.token()))
			.hasMessageContaining("403");
	}

	/** @return "ready" once the server said so; throws when the handshake is refused */
	private static String openUntilReady(URI uri, String origin, String token) throws Exception {
		CompletableFuture<String> ready = new CompletableFuture<>();
		WebSocket.Listener listener = new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				if (data.toString().contains("\"ready\"")) {
					ready.complete("ready");
				}
				webSocket.request(1);
				return null;
			}
		};
		WebSocket webSocket;
		try {
			webSocket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.header("Origin", origin)
				.subprotocols("bearer." + token)
				.buildAsync(uri, listener)
				.get(10, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException failed) {
			if (failed.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
				throw new IllegalStateException("handshake refused with " + refused.getResponse().statusCode(), refused);
			}
			throw failed;
		}
		try {
			return ready.get(10, TimeUnit.SECONDS);
		}
		finally {
			webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
	}

}
