package dev.carrier.chat.history;

import java.util.List;
import java.util.Optional;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.RemoteService;
import dev.carrier.chat.messages.Message;
import dev.carrier.chat.web.ServiceUnavailable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * persistence-service's internal API: the durable history behind the Redis cache, and the
 * hydrations that load evicted chats back into Redis.
 */
@Component
public class PersistenceClient {

	/** persistence-service answers at most this many messages per call. */
	public static final int MAX_PAGE = 1000;

	private final RemoteService persistence;

	private final JsonMapper json;

	public PersistenceClient(CarrierProperties properties, JsonMapper json) {
		this.persistence = new RemoteService("persistence-service", properties.persistenceUrl(),
				properties.remote());
		this.json = json;
	}

	/** Loads one chat into Redis; false when persistence-service does not know it. */
	public boolean hydrateChat(String chatId) {
		RemoteService.Response response = this.persistence
			.post(uri -> uri.path("/internal/hydrations/chats/{chatId}").build(chatId));
		if (response.status() == 404) {
			return false;
		}
		checked(response);
		return true;
	}

	/** Loads every chat of the user that Redis lacks. */
	public void hydrateUser(String userId) {
		checked(this.persistence.post(uri -> uri.path("/internal/hydrations/users/{userId}").build(userId)));
	}

	/** The pair's direct chat id as MySQL knows it. */
	public Optional<String> directChat(String userA, String userB) {
		RemoteService.Response response = this.persistence.get(
				uri -> uri.path("/internal/direct-chats").queryParam("userA", userA).queryParam("userB", userB).build(),
				null);
		if (response.status() == 404) {
			return Optional.empty();
		}
		JsonNode body = this.json.readTree(checked(response).body());
		return Optional.ofNullable(body.path("chatId").asString(null));
	}

	/** The {@code limit} newest messages below {@code beforeSeq}, oldest first. */
	public List<Message> messagesBefore(String chatId, long beforeSeq, int limit) {
		RemoteService.Response response = this.persistence.get(uri -> uri.path("/internal/chats/{chatId}/messages")
			.queryParam("beforeSeq", beforeSeq)
			.queryParam("limit", limit)
			.build(chatId), null);
		if (response.status() == 404) {
			return List.of();
		}
		return this.json.readValue(checked(response).body(), new TypeReference<List<Message>>() {
		});
	}

	private static RemoteService.Response checked(RemoteService.Response response) {
		if (!response.ok()) {
			throw new ServiceUnavailable("persistence-service answered " + response.status());
		}
		return response;
	}

}
