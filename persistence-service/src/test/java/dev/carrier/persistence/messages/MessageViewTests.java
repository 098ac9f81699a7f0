package dev.carrier.persistence.messages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply's excerpt of its original. */
class MessageViewTests {

	@Test
	void anExcerptIsTheFirst120CharsOfALongerText() {
		String text = "a".repeat(119) + "bc";
		assertThat(MessageView.ReplyTo.excerpt(text)).isEqualTo("a".repeat(119) + "b");
		assertThat(MessageView.ReplyTo.excerpt("short")).isEqualTo("short");
		assertThat(MessageView.ReplyTo.excerpt("")).isEmpty();
	}

	@Test
	void anExcerptNeverEndsInHalfAnEmoji() {
		String thumbsUp = "\uD83D\uDC4D";
		// the emoji's two chars are the 120th and 121st
		String excerpt = MessageView.ReplyTo.excerpt("a".repeat(119) + thumbsUp + "tail");
		assertThat(excerpt).isEqualTo("a".repeat(119));
		assertThat(MessageView.ReplyTo.excerpt("a".repeat(118) + thumbsUp + "tail"))
			.isEqualTo("a".repeat(118) + thumbsUp);
	}

}
