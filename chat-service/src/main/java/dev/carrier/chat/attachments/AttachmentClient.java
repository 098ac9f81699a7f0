package dev.carrier.chat.attachments;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.remote.RemoteService;
import dev.carrier.chat.remote.RemoteServices;
import dev.carrier.chat.shared.ServiceUnavailable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * persistence-service's attachments ({@code /internal/attachments/**}), the owner of the
 * bytes. Every call is idempotent: an upload names its id, so a retried upload stores one
 * row, and a claim names its send.
 */
@Component
class AttachmentClient {

	private final RemoteService persistence;

	private final JsonMapper json;

	AttachmentClient(CarrierProperties properties, JsonMapper json, RemoteServices remotes) {
		this.persistence = remotes.named("persistence-service", properties.persistenceUrl());
		this.json = json;
	}

	Attachment store(String id, String chatId, String uploaderId, String name, String declaredType, byte[] bytes) {
		RemoteService.Response response = this.persistence.put(uri -> uri.path("/internal/attachments/{id}")
			.queryParam("chatId", chatId)
			.queryParam("uploaderId", uploaderId)
			.queryParam("name", "{name}")
			.queryParam("declaredType", "{declaredType}")
			.build(id, name, (declaredType != null) ? declaredType : ""), bytes);
		return this.json.treeToValue(answer(response).path("attachment"), Attachment.class);
	}

	/** Metadata and who may read it, or empty for an unknown id. */
	Optional<Stored> find(String id) {
		RemoteService.Response response = this.persistence.get(uri -> uri.path("/internal/attachments/{id}").build(id),
				null);
		if (response.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(this.json.treeToValue(answer(response), Stored.class));
	}

	/** The bytes, or the thumbnail's, or empty when there are none. */
	Optional<RemoteService.BinaryResponse> content(String id, boolean thumbnail) {
		RemoteService.BinaryResponse response = this.persistence.getBytes(
				uri -> uri.path("/internal/attachments/{id}/{part}").build(id, thumbnail ? "thumbnail" : "content"));
		if (response.status() == 404) {
			return Optional.empty();
		}
		if (response.status() != 200) {
			throw new ServiceUnavailable("persistence-service answered " + response.status());
		}
		return Optional.of(response);
	}

	List<Attachment> claim(String chatId, String uploaderId, String claimKey, List<String> ids) {
		RemoteService.Response response = this.persistence
			.post(uri -> uri.path("/internal/attachments/claims").build(), this.json.writeValueAsString(
					Map.of("chatId", chatId, "uploaderId", uploaderId, "claimKey", claimKey, "attachmentIds", ids)));
		return answer(response).path("attachments")
			.valueStream()
			.map(node -> this.json.treeToValue(node, Attachment.class))
			.toList();
	}

	/** The JSON answer; a 4xx is the client's fault, passed on as it came. */
	private JsonNode answer(RemoteService.Response response) {
		if (response.status() >= 400 && response.status() < 500) {
			throw new AttachmentRefused(response.status(),
					this.json.readTree(response.body()).path("detail").asString("The attachment was refused"));
		}
		if (!response.ok()) {
			throw new ServiceUnavailable("persistence-service answered " + response.status());
		}
		return this.json.readTree(response.body());
	}

	/** {@code GET /internal/attachments/{id}}. */
	record Stored(Attachment attachment, String chatId, String uploaderId, boolean claimed) {
	}

}
