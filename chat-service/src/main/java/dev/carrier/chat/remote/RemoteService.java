package dev.carrier.chat.remote;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.carrier.chat.shared.ServiceUnavailable;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * One remote service (auth-service or persistence-service) behind its Resilience4j
 * instances, configured in application.yml ({@code resilience4j.*.instances.<name>}): a
 * bulkhead, a bounded retry with exponential backoff, a circuit breaker, and the time
 * limiter's timeout on each attempt (applied by the HTTP client itself, see
 * {@link RemoteServices}), so a dead dependency costs a fast 503 problem instead of a
 * hang, and a slow one cannot hold every request thread. Every call made through it is
 * idempotent, so retrying is safe. Callers get the status and body and decide what a 404
 * or a 503 means: a 4xx is an answer, a 503 the service's own considered "not now";
 * transport errors and other 5xx are retried and then reported as
 * {@link ServiceUnavailable}.
 */
public class RemoteService {

	private static final Logger log = LoggerFactory.getLogger(RemoteService.class);

	private final String name;

	private final RestClient rest;

	private final Bulkhead bulkhead;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	RemoteService(String name, RestClient rest, RemoteServices.Instances instances) {
		this.name = name;
		this.rest = rest;
		this.bulkhead = instances.bulkhead();
		this.retry = instances.retry();
		this.circuitBreaker = instances.circuitBreaker();
	}

	/** A GET; {@code uri} builds path and query on the base URL. */
	public Response get(Function<UriBuilder, URI> uri, String bearerToken) {
		return call(() -> {
			RestClient.RequestHeadersSpec<?> spec = this.rest.get().uri(uri);
			if (bearerToken != null) {
				spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
			}
			return exchange(spec);
		});
	}

	/**
	 * A POST of a JSON body (idempotent in effect, like every call made through this
	 * class).
	 */
	public Response post(Function<UriBuilder, URI> uri, String jsonBody) {
		return call(() -> exchange(this.rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(jsonBody)));
	}

	/**
	 * A PUT of raw bytes (an upload that names its own id, so a retry stores it once).
	 */
	public Response put(Function<UriBuilder, URI> uri, byte[] body) {
		return call(() -> exchange(this.rest.put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.accept(MediaType.ALL)
			.body(body)));
	}

	/** A GET of bytes with their Content-Type (an attachment, a thumbnail). */
	public BinaryResponse getBytes(Function<UriBuilder, URI> uri) {
		return call(() -> {
			try {
				BinaryResponse response = this.rest.get()
					.uri(uri)
					.accept(MediaType.ALL)
					.exchange((request, result) -> new BinaryResponse(result.getStatusCode().value(),
							result.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
							StreamUtils.copyToByteArray(result.getBody())), true);
				if (response.status() >= 500 && response.status() != 503) {
					throw new RemoteFailure(this.name + " answered " + response.status());
				}
				return response;
			}
			catch (RestClientException ex) {
				throw new RemoteFailure(this.name + " is unreachable: " + ex.getMessage());
			}
		});
	}

	private <T> T call(Supplier<T> attempt) {
		try {
			return Bulkhead
				.decorateSupplier(this.bulkhead,
						Retry.decorateSupplier(this.retry,
								CircuitBreaker.decorateSupplier(this.circuitBreaker, attempt)))
				.get();
		}
		catch (RemoteFailure | CallNotPermittedException | BulkheadFullException ex) {
			log.warn("{} call failed: {}", this.name, ex.getMessage());
			throw new ServiceUnavailable(this.name + " is unavailable; retry later");
		}
	}

	private Response exchange(RestClient.RequestHeadersSpec<?> spec) {
		try {
			Response response = spec.exchange((request, result) -> new Response(result.getStatusCode().value(),
					StreamUtils.copyToString(result.getBody(), StandardCharsets.UTF_8)), true);
			// 503 is the service's own considered "not now" (e.g. persistence-service
			// cannot prove its
			// record current): passed on at once, neither retried nor held against the
			// circuit
			if (response.status() >= 500 && response.status() != 503) {
				throw new RemoteFailure(this.name + " answered " + response.status());
			}
			return response;
		}
		catch (RestClientException ex) {
			throw new RemoteFailure(this.name + " is unreachable: " + ex.getMessage());
		}
	}

	/** Bytes as a service answered them, with their Content-Type. */
	public record BinaryResponse(int status, String contentType, byte[] body) {
	}

	public record Response(int status, String body) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
