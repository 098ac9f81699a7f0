package dev.carrier.chat.messages;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as one emoji, and how a change applies to a message's reactions. */
class ReactionRulesTests {

	@Test
	void anEmojiIsOnePictureHoweverManyCodePointsItTakes() {
		assertThat(List.of("👍", "❤️", "👍🏽", "🇫🇷", "👨‍👩‍👧", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "#️⃣", "☺️", "🫠"))
			.allMatch(Emoji::isOne);
		assertThat(List.of("", "a", "1", "#", "👍👍", "👍 ", " 👍", "ok👍", "\u200D", "\uFE0F", "é", "→"))
			.noneMatch(Emoji::isOne);
		assertThat(Emoji.isOne(null)).isFalse();
	}

	@Test
	void aChangeAddsOnceTakesBackAndDropsAnEmojiNobodyHolds() {
		List<Reaction> none = List.of();
		List<Reaction> one = new ReactionChange("👍", "ann", true).applyTo(none);
		assertThat(one).containsExactly(new Reaction("👍", 1, List.of("ann")));

		List<Reaction> two = new ReactionChange("👍", "bob", true).applyTo(one);
		assertThat(two).containsExactly(new Reaction("👍", 2, List.of("ann", "bob")));
		assertThat(new ReactionChange("👍", "bob", true).changes(two)).isFalse();
		assertThat(new ReactionChange("👍", "cat", false).changes(two)).isFalse();

		List<Reaction> back = new ReactionChange("👍", "ann", false).applyTo(two);
		assertThat(back).containsExactly(new Reaction("👍", 1, List.of("bob")));
		assertThat(new ReactionChange("👍", "bob", false).applyTo(back)).isEmpty();
	}

	@Test
	void aTwentyFirstEmojiOverflowsButAnotherPersonOnAHeldOneDoesNot() {
		List<Reaction> twenty = java.util.stream.IntStream.range(0, ReactionChange.MAX_EMOJI)
			.mapToObj((i) -> new Reaction(Character.toString(0x1F600 + i), 1, List.of("ann")))
			.toList();
		assertThat(new ReactionChange("🤔", "bob", true).overflows(twenty)).isTrue();
		assertThat(new ReactionChange("😀", "bob", true).overflows(twenty)).isFalse();
		assertThat(new ReactionChange("🤔", "bob", false).overflows(twenty)).isFalse();
	}

}
