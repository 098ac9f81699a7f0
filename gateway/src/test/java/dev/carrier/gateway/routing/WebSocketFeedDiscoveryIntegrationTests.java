package dev.carrier.gateway.routing;

import java.time.Duration;

import dev.carrier.gateway.support.RealServers;
import dev.carrier.gateway.support.StandIn;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where chat-service's instances sit behind one address (a Kubernetes Service), the
 * gateway finds them by the host name that resolves to each of them (a headless Service)
 * and opens its feed to each instance's own address, not to the shared one
 * ({@code CARRIER_CHAT_URL}, here an address where nothing listens).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=", "carrier.websocket.feed.reconnect-delay=100ms",
				"carrier.websocket.feed.rediscover-every=200ms" })
@Import(RealServers.class)
class WebSocketFeedDiscoveryIntegrationTests {

	static final UpstreamWebSocket instance = UpstreamWebSocket.start();

	private static final Duration BOUND = Duration.ofSeconds(15);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("carrier.services.auth-url", StandIn::deadUrl);
		registry.add("carrier.services.chat-url", StandIn::deadUrl);
		registry.add("carrier.websocket.feed.discover", () -> instance.url().replace("127.0.0.1", "localhost"));
	}

	@AfterAll
	static void stopInstance() {
		instance.close();
	}

	@Test
	void theFeedGoesToTheAddressTheDiscoveryNameResolvesTo() {
		await().atMost(BOUND).until(() -> !instance.feeds.isEmpty());
		HttpHeaders feed = instance.feeds.peek();

		assertThat(feed.get("Host")).isEqualTo(instance.url().substring("http://".length()));
		assertThat(feed.get("X-Carrier-Service")).isNotBlank();
		assertThat(feed.get("X-Carrier-Feed")).isNotBlank();
	}

	@Test
	void anInstanceStillListedKeepsItsOneFeed() throws InterruptedException {
		await().atMost(BOUND).until(() -> !instance.feeds.isEmpty());

		// ten lookups later, the instance still has the feed it had, not a new one
		Thread.sleep(Duration.ofSeconds(2));

		assertThat(instance.feeds).hasSize(1);
	}

}
