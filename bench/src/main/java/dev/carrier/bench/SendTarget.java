package dev.carrier.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;

/**
 * Where messages go: the gateway with bearer tokens, or chat-service with signed identity
 * assertions; and the one request every load sends by POST, whose text carries the bench
 * marker ({@link SendChannel} sends the same text and clientMessageId over the socket).
 */
sealed interface SendTarget permits SendTarget.ThroughGateway, SendTarget.StraightToChatService {

	String FILLER = " the quick brown fox jumps over the lazy dog, twice over";

	record ThroughGateway(URI gateway) implements SendTarget {

		/** The gateway's WebSocket endpoint, for sends over the socket. */
		URI socket() {
			return URI.create(gateway.toString().replaceFirst("^http", "ws") + "/api/ws");
		}

	}

	record StraightToChatService(List<URI> instances, IdentitySigner signer) implements SendTarget {
	}

	/** Bench message {@code id} from {@code from} to chat {@code chatId}. */
	default HttpRequest request(String marker, int sender, String chatId, Accounts.User from, int id) {
		String body = "{\"text\":\"" + text(marker, id) + "\",\"clientMessageId\":\"" + clientMessageId(marker, id)
				+ "\"}";
		String path = "/api/chats/" + chatId + "/messages";
		HttpRequest.Builder request = switch (this) {
			case ThroughGateway(URI gateway) ->
				HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + from.token());
			case StraightToChatService(List<URI> instances, IdentitySigner signer) ->
				HttpRequest.newBuilder(instances.get(sender % instances.size()).resolve(path))
					.header("X-Carrier-Identity", signer.identity(from.id()));
		};
		return request.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * The text of bench message {@code id}: the marker that lets deliveries be matched.
	 */
	static String text(String marker, int id) {
		return marker + id + "#" + FILLER;
	}

	static String clientMessageId(String marker, int id) {
		return marker.replace('#', '-') + id;
	}

}
