package dev.carrier.chat.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.carrier.chat.messages.AcknowledgedMessage;
import dev.carrier.chat.messages.MessageService;
import dev.carrier.chat.messages.SendMessageRequest;
import dev.carrier.chat.realtime.SocketSends;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.InvalidRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Sends a message a socket carries ({@code {"type":"send","chatId",...}}) exactly as
 * {@code POST /api/chats/{chatId}/messages} does: the same per-user limit, the same body
 * checks, the same {@link MessageService#send}, the same problem documents. Only the
 * envelope differs: {@code {"type":"sent","clientMessageId","message"}} for the 201's
 * body, {@code {"type":"send.failed","clientMessageId","problem"}} for an error, with the
 * {@code Retry-After} in the problem as {@code retryAfter}.
 */
@Component
class SocketSendAnswers implements SocketSends {

	private final MessageService messages;

	private final SocketSendLimit limit;

	private final Validator validator;

	private final JsonMapper json;

	SocketSendAnswers(MessageService messages, SocketSendLimit limit, Validator validator, JsonMapper json) {
		this.messages = messages;
		this.limit = limit;
		this.validator = validator;
		this.json = json;
	}

	@Override
	public String send(String userId, JsonNode frame) {
		JsonNode given = frame.path("clientMessageId");
		String clientMessageId = given.isString() ? given.asString() : null;
		String chatId = frame.path("chatId").isString() ? frame.path("chatId").asString() : "";
		ProblemTranslation.Translated failure;
		try {
			long wait = this.limit.secondsUntilAllowed(userId);
			if (wait > 0) {
				failure = ProblemTranslation.tooManyRequests(wait);
			}
			else {
				AcknowledgedMessage sent = this.messages.acknowledged(chatId, userId, read(frame));
				// the message as its push to the members carried it, not encoded again
				Object message = (sent.json() != null) ? new RawValue(sent.json()) : sent.message();
				return this.json.writeValueAsString(new Sent("sent", clientMessageId, message));
			}
		}
		catch (Exception ex) {
			failure = ProblemTranslation.translate(ex);
		}
		return this.json.writeValueAsString(new Failed("send.failed", clientMessageId, problem(failure, chatId)));
	}

	/** The frame as the POST's body, checked as Spring MVC checks that body. */
	private SendMessageRequest read(JsonNode frame) {
		if (!(frame instanceof ObjectNode object)) {
			throw new InvalidRequest("Request body does not match the expected JSON");
		}
		ObjectNode body = object.deepCopy();
		body.remove("type");
		body.remove("chatId");
		SendMessageRequest request;
		try {
			request = this.json.treeToValue(body, SendMessageRequest.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRequest(ProblemTranslation.unreadable(ex));
		}
		Set<ConstraintViolation<SendMessageRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new InvalidRequest(violations.stream()
				.map((violation) -> "'" + violation.getPropertyPath() + "' " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	/**
	 * The problem as the POST's answer body has it (the fields of RFC 9457 first, then
	 * the extensions), and the seconds to wait before trying again.
	 */
	private static Map<String, Object> problem(ProblemTranslation.Translated failure, String chatId) {
		ProblemDetail problem = failure.problem();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", Ids.isValid(chatId) ? "/api/chats/" + chatId + "/messages" : "/api/ws");
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		if (failure.retryAfterSeconds() != null) {
			body.put("retryAfter", failure.retryAfterSeconds());
		}
		return body;
	}

	private record Sent(String type, String clientMessageId, Object message) {
	}

	private record Failed(String type, String clientMessageId, Map<String, Object> problem) {
	}

}
