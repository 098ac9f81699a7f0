package dev.carrier.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.carrier.chat.trust.Assertions;
import dev.carrier.chat.web.ServiceUnavailable;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One remote service (auth-service or persistence-service) behind a timeout, a bounded retry with
 * exponential backoff, a circuit breaker and a bulkhead, so a dead dependency costs a fast 503
 * problem instead of a hang, and a slow one cannot hold every request thread. Every call made
 * through it is idempotent (session lookups, history reads, snapshots), so retrying is safe.
 * Callers get the status and body and decide what a 404 or a 503 means; transport errors and
 * other 5xx are retried and then reported as {@link ServiceUnavailable}.
 */
public class RemoteService {

	private static final Logger log = LoggerFactory.getLogger(RemoteService.class);

	private final String name;

	private final RestClient rest;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Bulkhead bulkhead;

	/**
	 * @param credential this service's credential, sent with every call: the other services let
	 * only Carrier's own services reach {@code /internal/**}
	 */
	public RemoteService(String name, URI baseUrl, CarrierProperties.Remote settings, Supplier<String> credential) {
		this.name = name;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(settings.readTimeout());
		this.rest = RestClient.builder()
			.baseUrl(baseUrl.toString())
			.requestFactory(factory)
			.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set(Assertions.SERVICE_HEADER, credential.get());
				return execution.execute(request, body);
			})
			.build();
		this.circuitBreaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.minimumNumberOfCalls(settings.circuitMinimumCalls())
					.waitDurationInOpenState(settings.circuitOpenWait())
					.recordExceptions(RemoteFailure.class)
					.build());
		this.retry = Retry.of(name, RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
			.retryExceptions(RemoteFailure.class)
			.build());
		this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
			.maxConcurrentCalls(settings.maxConcurrentCalls())
			.maxWaitDuration(settings.readTimeout())
			.build());
	}

	/** A GET; {@code uri} builds path and query on the base URL. */
	public Response get(Function<org.springframework.web.util.UriBuilder, URI> uri, String bearerToken) {
		return call(() -> {
			RestClient.RequestHeadersSpec<?> spec = this.rest.get().uri(uri);
			if (bearerToken != null) {
				spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
			}
			return exchange(spec);
		});
	}

	/** A POST of a JSON body (idempotent in effect, like every call made through this class). */
	public Response post(Function<org.springframework.web.util.UriBuilder, URI> uri, String jsonBody) {
		return call(() -> exchange(
				this.rest.post().uri(uri).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(jsonBody)));
	}

	private Response exchange(RestClient.RequestHeadersSpec<?> spec) {
		try {
			Response response = spec.exchange((request, result) -> new Response(result.getStatusCode().value(),
					StreamUtils.copyToString(result.getBody(), StandardCharsets.UTF_8)), true);
			// 503 is the service's own considered "not now" (e.g. persistence-service cannot prove its
			// record current): passed on at once, neither retried nor held against the circuit
			if (response.status() >= 500 && response.status() != 503) {
				throw new RemoteFailure(this.name + " answered " + response.status());
			}
			return response;
		}
		catch (RestClientException ex) {
			throw new RemoteFailure(this.name + " is unreachable: " + ex.getMessage());
		}
	}

	private Response call(java.util.function.Supplier<Response> call) {
		try {
			return Bulkhead
				.decorateSupplier(this.bulkhead,
						Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker, call)))
				.get();
		}
		catch (RemoteFailure | CallNotPermittedException | BulkheadFullException ex) {
			log.warn("{} call failed: {}", this.name, ex.getMessage());
			throw new ServiceUnavailable(this.name + " is unavailable; retry later");
		}
	}

	public record Response(int status, String body) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	static class RemoteFailure extends RuntimeException {

		RemoteFailure(String message) {
			super(message);
		}

	}

}
