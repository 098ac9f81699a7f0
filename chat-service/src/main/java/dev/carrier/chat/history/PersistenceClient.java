package dev.carrier.chat.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.remote.RemoteService;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.remote.RemoteServices;
import dev.carrier.chat.shared.ServiceUnavailable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * persistence-service's internal API: the durable history behind the cache, and the
 * snapshots the cache reloads chats from. persistence-service answers a snapshot, a
 * membership or a user's chat ids only once its consumers hold every acknowledged event,
 * or with a 503.
 */
@Component
public class PersistenceClient {

	/** persistence-service answers at most this many messages per call. */
	public static final int MAX_PAGE = 1000;

	private final RemoteService persistence;

	private final JsonMapper json;

	public PersistenceClient(CarrierProperties properties, JsonMapper json, RemoteServices remotes) {
		this.persistence = remotes.named("persistence-service", properties.persistenceUrl());
		this.json = json;
	}

	/**
	 * Whether the durable record has the user as a member of the chat (false also for an
	 * unknown chat).
	 */
	public boolean isMember(String chatId, String userId) {
		RemoteService.Response response = this.persistence
			.get(uri -> uri.path("/internal/chats/{chatId}/members/{userId}").build(chatId, userId), null);
		if (response.status() == 404) {
			return false;
		}
		checked(response);
		return true;
	}

	/** The ids of every chat the user is a member of, as the durable record has them. */
	public List<String> chatIdsOf(String userId) {
		RemoteService.Response response = this.persistence
			.get(uri -> uri.path("/internal/users/{userId}/chat-ids").build(userId), null);
		return this.json.readValue(checked(response).body(), new TypeReference<List<String>>() {
		});
	}

	/**
	 * Snapshots of those chats the durable record knows (unknown ids are left out), each
	 * with a new generation. The answer is raw JSON nodes per chat: the cache installs
	 * them as they are.
	 */
	public <T> List<T> snapshots(List<String> chatIds, Class<T> type) {
		String body = this.json.writeValueAsString(Map.of("chatIds", chatIds));
		RemoteService.Response response = this.persistence.post(uri -> uri.path("/internal/snapshots").build(), body);
		JsonNode chats = this.json.readTree(checked(response).body()).path("chats");
		return chats.valueStream().map(chat -> this.json.treeToValue(chat, type)).toList();
	}

	/** The pair's direct chat id as MySQL knows it. */
	public Optional<String> directChat(String userA, String userB) {
		RemoteService.Response response = this.persistence.get(uri -> uri.path("/internal/direct-chats")
			.queryParam("userA", "{userA}")
			.queryParam("userB", "{userB}")
			.build(userA, userB), null);
		if (response.status() == 404) {
			return Optional.empty();
		}
		JsonNode body = this.json.readTree(checked(response).body());
		return Optional.ofNullable(body.path("chatId").asString(null));
	}

	/**
	 * The {@code limit} newest messages below {@code beforeSeq}, oldest first, each read
	 * as a {@code type} (the messages feature's own record; this client does not depend
	 * on it).
	 */
	public <T> List<T> messagesBefore(String chatId, long beforeSeq, int limit, Class<T> type) {
		RemoteService.Response response = this.persistence.get(uri -> uri.path("/internal/chats/{chatId}/messages")
			.queryParam("beforeSeq", beforeSeq)
			.queryParam("limit", limit)
			.build(chatId), null);
		if (response.status() == 404) {
			return List.of();
		}
		return this.json.readValue(checked(response).body(),
				this.json.getTypeFactory().constructCollectionType(List.class, type));
	}

	/**
	 * Messages of these chats that hold every term of {@code query}
	 * ({@code POST /internal/search}): the answer as JSON, {@code {results: [{message,
	 * highlights}], next}}.
	 */
	public JsonNode search(List<String> chatIds, String query, String order, String before, int limit) {
		Map<String, Object> request = new java.util.HashMap<>();
		request.put("chatIds", chatIds);
		request.put("q", query);
		request.put("order", order);
		request.put("before", before);
		request.put("limit", limit);
		RemoteService.Response response = this.persistence.post(uri -> uri.path("/internal/search").build(),
				this.json.writeValueAsString(request));
		if (response.status() == 400) {
			throw new InvalidRequest(this.json.readTree(response.body()).path("detail").asString("Bad search"));
		}
		return this.json.readTree(checked(response).body());
	}

	private static RemoteService.Response checked(RemoteService.Response response) {
		if (!response.ok()) {
			throw new ServiceUnavailable("persistence-service answered " + response.status());
		}
		return response;
	}

}
