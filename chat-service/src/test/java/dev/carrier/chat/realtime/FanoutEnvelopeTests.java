package dev.carrier.chat.realtime;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FanoutEnvelopeTests {

	@Test
	void anEventReadsBackAsItWasPublished() {
		String frame = "{\"type\":\"message.created\",\"message\":{\"text\":\"two\\nlines, and a comma\"}}";
		FanoutEnvelope sent = new FanoutEnvelope(false, List.of("a", "b"), frame);

		FanoutEnvelope.Received received = FanoutEnvelope.decode(bytes(sent.encode()));

		assertThat(received.hint()).isFalse();
		assertThat(received.recipients()).containsExactly("a", "b");
		assertThat(received.frame()).isEqualTo(bytes(frame));
	}

	@Test
	void aHintStaysAHintAndNoRecipientsIsNoRecipients() {
		FanoutEnvelope.Received received = FanoutEnvelope
			.decode(bytes(new FanoutEnvelope(true, List.of(), "{}").encode()));

		assertThat(received.hint()).isTrue();
		assertThat(received.recipients()).isEmpty();
		assertThat(received.frame()).isEqualTo(bytes("{}"));
	}

	@Test
	void anythingElseOnTheChannelIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FanoutEnvelope.decode(bytes("{\"recipients\":[\"a\"],\"event\":{}}")));
		assertThatIllegalArgumentException().isThrownBy(() -> FanoutEnvelope.decode(bytes("typing\na\n{}")));
		assertThatIllegalArgumentException().isThrownBy(() -> FanoutEnvelope.decode(bytes("event\na")));
	}

	@Test
	void aFrameWithLineBreaksAndCharactersOutsideAsciiKeepsItsBytes() {
		String frame = "{\n\"text\": \"naïve 😀 — done\"\n}";

		FanoutEnvelope.Received received = FanoutEnvelope
			.decode(bytes(new FanoutEnvelope(false, List.of("a"), frame).encode()));

		assertThat(new String(received.frame(), StandardCharsets.UTF_8)).isEqualTo(frame);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
