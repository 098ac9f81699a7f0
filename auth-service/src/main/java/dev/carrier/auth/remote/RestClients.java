package dev.carrier.auth.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** RestClients whose sockets give up on their own, in addition to the Resilience4j time limit. */
public final class RestClients {

	private RestClients() {
	}

	public static RestClient create(URI baseUrl, Duration timeout) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requestFactory).build();
	}

}
