package dev.carrier.chat.realtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagePartsTests {

	@Test
	void aMessageInOnePartIsHandedOverAsItIs() {
		MessageParts parts = new MessageParts(10);

		assertThat(parts.add("0123456789", true))
			.isEqualTo(new MessageParts.Added(MessageParts.Outcome.WHOLE, "0123456789"));
	}

	@Test
	void partsAreJoinedInOrderUntilTheLast() {
		MessageParts parts = new MessageParts(10);

		assertThat(parts.add("012", false).outcome()).isEqualTo(MessageParts.Outcome.INCOMPLETE);
		assertThat(parts.add("345", false).outcome()).isEqualTo(MessageParts.Outcome.INCOMPLETE);
		assertThat(parts.add("6789", true).message()).isEqualTo("0123456789");
		assertThat(parts.add("next", true).message()).isEqualTo("next");
	}

	@Test
	void aMessageLargerThanAllowedIsRefusedWhetherWholeOrInParts() {
		MessageParts parts = new MessageParts(10);

		assertThat(parts.add("0123456789A", true).outcome()).isEqualTo(MessageParts.Outcome.TOO_BIG);
		assertThat(parts.add("012345", false).outcome()).isEqualTo(MessageParts.Outcome.INCOMPLETE);
		assertThat(parts.add("67890", false).outcome()).isEqualTo(MessageParts.Outcome.TOO_BIG);
		assertThat(parts.add("fresh", true).message()).as("nothing of the refused message is kept").isEqualTo("fresh");
	}

}
