package dev.carrier.chat.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.trust.Assertions;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the {@link RemoteService} for each service chat-service calls: an HTTP client
 * with the connect timeout of {@code carrier.remote}, sending this service's credential
 * ({@code X-Carrier-Service}) on every call, behind the Resilience4j instances of the
 * service's name that Resilience4j's Spring Boot configuration built from
 * application.yml. The time limiter's timeout is the HTTP request's own timeout
 * (java.net.http ends the exchange when the answer has not begun by then), so a blocking
 * call needs no second thread to be timed.
 */
public class RemoteServices {

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final BulkheadRegistry bulkheads;

	private final TimeLimiterRegistry timeLimiters;

	private final CarrierProperties.Remote settings;

	private final Supplier<String> credential;

	/**
	 * @param credential this service's credential, sent with every call: the other
	 * services let only Carrier's own services reach {@code /internal/**}
	 */
	public RemoteServices(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			TimeLimiterRegistry timeLimiters, CarrierProperties.Remote settings, Supplier<String> credential) {
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.settings = settings;
		this.credential = credential;
	}

	/**
	 * @param name the service's name, which is also the name of its Resilience4j
	 * instances
	 */
	public RemoteService named(String name, URI baseUrl) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.settings.connectTimeout())
			.build();
		TimeLimiter timeLimiter = this.timeLimiters.timeLimiter(name);
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
		RestClient rest = RestClient.builder()
			.baseUrl(baseUrl.toString())
			.requestFactory(factory)
			.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set(Assertions.SERVICE_HEADER, this.credential.get());
				return execution.execute(request, body);
			})
			.build();
		Instances instances = new Instances(this.bulkheads.bulkhead(name), this.retries.retry(name),
				this.circuitBreakers.circuitBreaker(name));
		return new RemoteService(name, rest, instances);
	}

	/**
	 * One service's Resilience4j instances around each call (the time limit is in the
	 * HTTP client).
	 */
	record Instances(Bulkhead bulkhead, Retry retry, CircuitBreaker circuitBreaker) {
	}

}
