package dev.carrier.persistence.support;

import dev.carrier.testsupport.TestTrust;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the running service as Carrier's other services do (with a service credential),
 * and hands back every answer, errors included, as it came.
 */
public final class Http {

	private final RestClient client;

	public Http(int port) {
		this(port, true);
	}

	private Http(int port, boolean asService) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://127.0.0.1:" + port);
		if (asService) {
			builder.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set("X-Carrier-Service", TestTrust.serviceCredential());
				return execution.execute(request, body);
			});
		}
		this.client = builder.build();
	}

	/** A caller that is not one of Carrier's services. */
	public static Http stranger(int port) {
		return new Http(port, false);
	}

	public ResponseEntity<String> get(String path) {
		return this.client.get().uri(path).retrieve().onStatus((status) -> true, (request, response) -> {
		}).toEntity(String.class);
	}

	public ResponseEntity<byte[]> getBytes(String path) {
		return this.client.get().uri(path).retrieve().onStatus((status) -> true, (request, response) -> {
		}).toEntity(byte[].class);
	}

	public ResponseEntity<String> postJson(String path, String json) {
		return this.client.post()
			.uri(path)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	public ResponseEntity<String> post(String path) {
		return this.client.post().uri(path).retrieve().onStatus((status) -> true, (request, response) -> {
		}).toEntity(String.class);
	}

}
