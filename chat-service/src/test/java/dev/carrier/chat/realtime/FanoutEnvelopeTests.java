package dev.carrier.chat.realtime;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FanoutEnvelopeTests {

	@Test
	void anEventReadsBackAsItWasPublished() {
		String frame = "{\"type\":\"message.created\",\"message\":{\"text\":\"two\\nlines, and a comma\"}}";
		FanoutEnvelope sent = new FanoutEnvelope(false, List.of("a", "b"), frame);

		FanoutEnvelope received = FanoutEnvelope.decode(sent.encode());

		assertThat(received).isEqualTo(sent);
	}

	@Test
	void aHintStaysAHintAndNoRecipientsIsNoRecipients() {
		FanoutEnvelope received = FanoutEnvelope.decode(new FanoutEnvelope(true, List.of(), "{}").encode());

		assertThat(received.hint()).isTrue();
		assertThat(received.recipients()).isEmpty();
		assertThat(received.frame()).isEqualTo("{}");
	}

	@Test
	void anythingElseOnTheChannelIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FanoutEnvelope.decode("{\"recipients\":[\"a\"],\"event\":{}}"));
		assertThatIllegalArgumentException().isThrownBy(() -> FanoutEnvelope.decode("typing\na\n{}"));
	}

}
