package dev.carrier.chat.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * persistence-service's {@code /internal/attachments/**} over in-memory text files:
 * uploads (type text/plain, no thumbnail), metadata, content and all-or-none claims with
 * the real rules (the uploader's, of the chat, not held by another send).
 */
final class StubAttachments {

	private record Stored(String id, String chatId, String uploaderId, String name, String text, String claimKey) {

		Map<String, Object> attachment() {
			Map<String, Object> attachment = new LinkedHashMap<>();
			attachment.put("id", this.id);
			attachment.put("name", this.name);
			attachment.put("type", "text/plain");
			attachment.put("size", this.text.length());
			attachment.put("width", null);
			attachment.put("height", null);
			return attachment;
		}

	}

	private final Map<String, Stored> stored = new ConcurrentHashMap<>();

	StubServer.Response handle(String method, String path, Map<String, String> query, String body) {
		String[] parts = path.split("/");
		if (method.equals("PUT") && parts.length == 4) {
			Stored upload = new Stored(parts[3], query.get("chatId"), query.get("uploaderId"), query.get("name"), body,
					null);
			this.stored.putIfAbsent(upload.id(), upload);
			return new StubServer.Response(201,
					StubServer.JSON.writeValueAsString(Map.of("attachment", upload.attachment())));
		}
		if (method.equals("POST") && path.equals("/internal/attachments/claims")) {
			return claim(body);
		}
		Stored found = (parts.length >= 4) ? this.stored.get(parts[3]) : null;
		if (found == null || !method.equals("GET")) {
			return StubServer.notFound();
		}
		if (parts.length == 4) {
			return StubServer.json(Map.of("attachment", found.attachment(), "chatId", found.chatId(), "uploaderId",
					found.uploaderId(), "claimed", found.claimKey() != null));
		}
		return parts[4].equals("content") ? new StubServer.Response(200, found.text()) : StubServer.notFound();
	}

	private synchronized StubServer.Response claim(String body) {
		var request = StubServer.JSON.readTree(body);
		String chatId = request.path("chatId").asString();
		String uploaderId = request.path("uploaderId").asString();
		String claimKey = request.path("claimKey").asString();
		List<String> ids = request.path("attachmentIds").valueStream().map((id) -> id.asString()).toList();
		List<Stored> claimable = ids.stream()
			.map(this.stored::get)
			.filter((s) -> s != null && s.chatId().equals(chatId) && s.uploaderId().equals(uploaderId)
					&& (s.claimKey() == null || s.claimKey().equals(claimKey)))
			.toList();
		if (claimable.size() != ids.size() || ids.stream().distinct().count() != ids.size()) {
			return new StubServer.Response(400,
					"{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"not claimable\"}");
		}
		claimable.forEach((s) -> this.stored.put(s.id(),
				new Stored(s.id(), s.chatId(), s.uploaderId(), s.name(), s.text(), claimKey)));
		return StubServer.json(Map.of("attachments", claimable.stream().map(Stored::attachment).toList()));
	}

}
