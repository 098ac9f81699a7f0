package dev.carrier.chat.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code {text, clientMessageId, replyTo?}}; text is 1–4000 characters after trimming
 * (checked by the service, since trimming comes first), clientMessageId makes retries
 * safe, replyTo (optional) is the id of the message of this chat that this one answers.
 */
public record SendMessageRequest(@NotNull @Size(max = 16000) String text,
		@NotBlank @Size(max = 64) String clientMessageId, @Size(max = 64) String replyTo) {

	public SendMessageRequest(String text, String clientMessageId) {
		this(text, clientMessageId, null);
	}

}
