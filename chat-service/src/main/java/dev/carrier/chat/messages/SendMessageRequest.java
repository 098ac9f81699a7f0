package dev.carrier.chat.messages;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code {text?, clientMessageId, replyTo?, attachmentIds?}}; text is 1–4000 characters
 * after trimming, or absent or blank when the message carries attachments (checked by the
 * service, since trimming comes first), clientMessageId makes retries safe, replyTo
 * (optional) is the id of the message of this chat that this one answers, attachmentIds
 * (optional, at most 10) the sender's uploads to this chat that it carries.
 */
public record SendMessageRequest(@Size(max = 16000) String text, @NotBlank @Size(max = 64) String clientMessageId,
		@Size(max = 64) String replyTo, @Size(max = 10) List<@NotNull @Size(max = 64) String> attachmentIds) {

	public SendMessageRequest {
		attachmentIds = (attachmentIds != null) ? List.copyOf(attachmentIds) : List.of();
	}

	public SendMessageRequest(String text, String clientMessageId) {
		this(text, clientMessageId, null, List.of());
	}

	public SendMessageRequest(String text, String clientMessageId, String replyTo) {
		this(text, clientMessageId, replyTo, List.of());
	}

}
