package dev.carrier.chat.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The resilience around calls to auth-service and persistence-service, against a real
 * HTTP server, with the Resilience4j instances that application.yml configures (only the
 * backoff and the bulkhead's wait shortened, and the bulkhead narrowed where a test needs
 * it).
 */
class RemoteServiceTests {

	private static final CarrierProperties.Remote HTTP = new CarrierProperties.Remote(Duration.ofSeconds(1));

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final List<String> credentials = new CopyOnWriteArrayList<>();

	private final CountDownLatch slowInside = new CountDownLatch(1);

	private final CountDownLatch slowRelease = new CountDownLatch(1);

	private HttpServer server;

	private volatile int failureStatus = 500;

	private URI baseUrl;

	private ConfigurableApplicationContext resilience;

	private RemoteServices remotes;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/flaky", (exchange) -> {
			this.requests.incrementAndGet();
			this.credentials.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Carrier-Service")));
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
	void stop() {
		this.slowRelease.countDown();
		this.server.stop(0);
		if (this.resilience != null) {
			this.resilience.close();
		}
	}

	/**
	 * auth-service's client as chat-service builds it, with fresh instances from
	 * application.yml.
	 */
	private RemoteService authService(int maxConcurrentCalls) {
		// as arguments: they outrank application.yml, which builder properties would not
		this.resilience = new SpringApplicationBuilder(ResilienceOnly.class).web(WebApplicationType.NONE)
			.run("--resilience4j.retry.configs.remote.wait-duration=10ms",
					"--resilience4j.bulkhead.configs.remote.max-concurrent-calls=" + maxConcurrentCalls,
					"--resilience4j.bulkhead.configs.remote.max-wait-duration=200ms");
		this.remotes = new RemoteServices(this.resilience.getBean(CircuitBreakerRegistry.class),
				this.resilience.getBean(RetryRegistry.class), this.resilience.getBean(BulkheadRegistry.class),
				this.resilience.getBean(TimeLimiterRegistry.class), HTTP, () -> "credential");
		return this.remotes.named("auth-service", this.baseUrl);
	}

	@Test
	void theInstancesAreConfiguredPerServiceInApplicationYml() {
		authService(64);
		RetryRegistry retries = this.resilience.getBean(RetryRegistry.class);
		CircuitBreakerRegistry circuitBreakers = this.resilience.getBean(CircuitBreakerRegistry.class);
		for (String service : List.of("auth-service", "persistence-service")) {
			assertThat(retries.getAllRetries()).anyMatch(retry -> retry.getName().equals(service));
			assertThat(retries.retry(service).getRetryConfig().getMaxAttempts()).isEqualTo(3);
			assertThat(this.resilience.getBean(BulkheadRegistry.class)
				.bulkhead(service)
				.getBulkheadConfig()
				.getMaxConcurrentCalls()).isEqualTo(64);
			assertThat(retries.retry(service).getRetryConfig().getIntervalBiFunction().apply(2, null))
				.as("exponential backoff")
				.isEqualTo(20L);
			assertThat(circuitBreakers.circuitBreaker(service).getCircuitBreakerConfig().getMinimumNumberOfCalls())
				.isEqualTo(20);
			assertThat(this.resilience.getBean(TimeLimiterRegistry.class)
				.timeLimiter(service)
				.getTimeLimiterConfig()
				.getTimeoutDuration()).isEqualTo(Duration.ofSeconds(5));
		}
	}

	@Test
	void everyCallCarriesTheServiceCredential() {
		this.failuresLeft.set(1);
		RemoteService remote = authService(4);

		remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(this.credentials).containsExactly("credential", "credential");
	}

	@Test
	void a5xxIsRetriedWithBackoffUntilTheServiceAnswers() {
		this.failuresLeft.set(2);
		RemoteService remote = authService(4);

		RemoteService.Response response = remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void a503IsTheServicesOwnAnswerAndIsPassedOnWithoutRetrying() {
		this.failuresLeft.set(2);
		this.failureStatus = 503;
		RemoteService remote = authService(4);

		RemoteService.Response response = remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(response.status()).isEqualTo(503);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void a4xxIsAnAnswerNotAFailure() {
		this.failuresLeft.set(2);
		this.failureStatus = 404;
		RemoteService remote = authService(4);

		RemoteService.Response response = remote.get(uri -> uri.path("/flaky").build(), null);

		assertThat(response.status()).isEqualTo(404);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void aServiceThatKeepsFailingIsReportedUnavailable() {
		this.failuresLeft.set(100);
		RemoteService remote = authService(4);

		assertThatThrownBy(() -> remote.get(uri -> uri.path("/flaky").build(), null))
			.isInstanceOf(ServiceUnavailable.class);
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void anUnreachableServiceIsRetriedThenReportedUnavailable() throws Exception {
		RemoteService remote = authService(4);
		this.server.stop(0);

		assertThatThrownBy(() -> remote.get(uri -> uri.path("/flaky").build(), null))
			.isInstanceOf(ServiceUnavailable.class);
		assertThat(this.resilience.getBean(RetryRegistry.class)
			.retry("auth-service")
			.getMetrics()
			.getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
	}

	@Test
	void callsBeyondTheBulkheadAreRefusedWithoutReachingTheService() throws Exception {
		RemoteService remote = authService(1);
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

	/** Only Resilience4j's own Spring Boot configuration, reading application.yml. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
			BulkheadAutoConfiguration.class, TimeLimiterAutoConfiguration.class })
	static class ResilienceOnly {

	}

}
