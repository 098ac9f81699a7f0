package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.attachments.Attachment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send encodes its message once: the push to the members is written around that JSON,
 * and the sender's answer embeds the same text. The frame must be the one the message
 * itself gives.
 */
class MessagePushTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aMessageAlreadyEncodedIsPushedAsTheFrameOfTheMessageItself() {
		Message message = new Message("m-2", "c-1", 2, "u-alice", "« déjà vu » \"quoted\" \n 🙂",
				Instant.parse("2026-12-07T05:00:00.123Z"), false, null,
				new Quote("m-1", 1, "u-bob", "the original", false), List.of(), List.of("u-bob"),
				List.of(new Attachment("a-1", "photo.png", "image/png", 1234, 640, 480)), null);
		String messageJson = this.json.writeValueAsString(message);

		String fromJson = this.json.writeValueAsString(new MessagePush.CreatedFromJson(messageJson));

		assertThat(fromJson).isEqualTo(this.json.writeValueAsString(new MessagePush.Created(message)));
		assertThat(this.json.readTree(fromJson).path("message").path("text").asString())
			.isEqualTo("« déjà vu » \"quoted\" \n 🙂");
	}

}
