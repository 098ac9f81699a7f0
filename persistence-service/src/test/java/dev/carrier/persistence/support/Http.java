package dev.carrier.persistence.support;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Calls the running service and hands back every answer, errors included, as it came. */
public final class Http {

	private final RestClient client;

	public Http(int port) {
		this.client = RestClient.create("http://127.0.0.1:" + port);
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
