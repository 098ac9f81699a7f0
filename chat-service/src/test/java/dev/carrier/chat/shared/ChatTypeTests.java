package dev.carrier.chat.shared;

import java.time.Instant;
import java.util.List;

import dev.carrier.chat.events.ChatSnapshot;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatTypeTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void isSpelledInLowerCaseInJsonAsBeforeTheEnum() {
		assertThat(this.json.writeValueAsString(ChatType.DIRECT)).isEqualTo("\"direct\"");
		assertThat(this.json.writeValueAsString(ChatType.GROUP)).isEqualTo("\"group\"");
		ChatSnapshot snapshot = new ChatSnapshot("c1", ChatType.GROUP, "g", List.of("a", "b", "c"),
				Instant.parse("2026-01-01T00:00:00Z"), null);
		assertThat(this.json.writeValueAsString(snapshot)).contains("\"type\":\"group\"");
	}

	@Test
	void readsTheSpellingsPersistenceServiceAndRedisUse() {
		assertThat(this.json.readValue("\"direct\"", ChatType.class)).isEqualTo(ChatType.DIRECT);
		assertThat(this.json.readValue("\"group\"", ChatType.class)).isEqualTo(ChatType.GROUP);
		assertThat(ChatType.fromSpelling("group")).isEqualTo(ChatType.GROUP);
	}

	@Test
	void refusesAnyOtherSpelling() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatType.fromSpelling("DIRECT"));
		assertThatIllegalArgumentException().isThrownBy(() -> ChatType.fromSpelling("channel"));
	}

}
