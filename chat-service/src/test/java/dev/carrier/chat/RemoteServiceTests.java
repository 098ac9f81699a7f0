package dev.carrier.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.carrier.chat.shared.ServiceUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resilience around calls to auth-service and persistence-service, against a real HTTP server. */
class RemoteServiceTests {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final CountDownLatch slowInside = new CountDownLatch(1);

	private final CountDownLatch slowRelease = new CountDownLatch(1);

	private HttpServer server;

	private volatile int failureStatus = 500;

	private URI baseUrl;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/flaky", (exchange) -> {
			this.requests.incrementAndGet();
			answer(exchange, this.failuresLeft.getAndDecrement() > 0 ? this.failureStatus : 200, "ok");
		});
		this.server.createContext("/slow", (exchange) -> {
			this.requests.incrementAndGet();
			this.slowInside.countDown();
			try {
				this.slowRelease.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, "slow");
		});
		this.server.start();
		this.baseUrl = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	@AfterEach
	void stopServer() {
		this.slowRelease.countDown();
		this.server.stop(0);
	}

	private static CarrierProperties.Remote settings(int maxConcurrentCalls) {
		return new CarrierProperties.Remote(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofMillis(10), 20,
				Duration.ofSeconds(10), maxConcurrentCalls);
	}

	@Test
	void a5xxIsRetriedWithBackoffUntilTheServiceAnswers() {
		this.failuresLeft.set(2);
		RemoteService remote = new RemoteService("flaky-service", this.baseUrl, settings(4), () -> "credential");

		RemoteService.Response response = remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void a503IsTheServicesOwnAnswerAndIsPassedOnWithoutRetrying() {
		this.failuresLeft.set(2);
		this.failureStatus = 503;
		RemoteService remote = new RemoteService("busy-service", this.baseUrl, settings(4), () -> "credential");

		RemoteService.Response response = remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(response.status()).isEqualTo(503);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aServiceThatKeepsFailingIsReportedUnavailable() {
		this.failuresLeft.set(100);
		RemoteService remote = new RemoteService("dead-service", this.baseUrl, settings(4), () -> "credential");

		assertThatThrownBy(() -> remote.get(uri -> uri.path("/flaky").build(), null))
			.isInstanceOf(ServiceUnavailable.class);
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void callsBeyondTheBulkheadAreRefusedWithoutReachingTheService() throws Exception {
		RemoteService remote = new RemoteService("slow-service", this.baseUrl, settings(1), () -> "credential");
		CompletableFuture<RemoteService.Response> first = CompletableFuture
			.supplyAsync(() -> remote.get(uri -> uri.path("/slow").build(), null));
		assertThat(this.slowInside.await(5, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> remote.get(uri -> uri.path("/flaky").build(), null))
			.isInstanceOf(ServiceUnavailable.class);

		assertThat(this.requests).hasValue(1);
		this.slowRelease.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("slow");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
