package dev.carrier.auth.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.carrier.auth.trust.Assertions;

/**
 * RestClients whose sockets give up on their own, in addition to the Resilience4j time
 * limit, and that send this service's credential: the other services let only Carrier's
 * own services reach {@code /internal/**}.
 */
public final class RestClients {

	private RestClients() {
	}

	public static RestClient create(URI baseUrl, Duration timeout, Supplier<String> credential) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder()
			.baseUrl(baseUrl.toString())
			.requestFactory(requestFactory)
			.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set(Assertions.SERVICE_HEADER, credential.get());
				return execution.execute(request, body);
			})
			.build();
	}

}
