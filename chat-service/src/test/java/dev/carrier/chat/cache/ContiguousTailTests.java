package dev.carrier.chat.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import dev.carrier.chat.shared.ChatType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached list finds entries by seq arithmetic, so a reload never installs a gap. */
class ContiguousTailTests {

	@Test
	void aSnapshotWithoutGapsIsInstalledWhole() {
		assertThat(seqs(SnapshotArgument.contiguousTail(snapshot(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))))
			.isEqualTo(LongStream.rangeClosed(1, 10).boxed().toList());
	}

	@Test
	void onlyTheMessagesAfterTheNewestGapAreInstalled() {
		// seq 11 never reached MySQL (a send Kafka never took): older messages come from
		// MySQL
		assertThat(seqs(SnapshotArgument.contiguousTail(snapshot(14, 8, 9, 10, 12, 13, 14)))).containsExactly(12L, 13L,
				14L);
	}

	@Test
	void nothingIsInstalledWhenTheNewestMessageIsNotTheLastSeq() {
		assertThat(SnapshotArgument.contiguousTail(snapshot(7, 4, 5, 6))).isEmpty();
	}

	private static CacheSnapshot snapshot(long lastSeq, long... seqs) {
		List<SnapshotMessage> messages = LongStream.of(seqs)
			.mapToObj(seq -> new SnapshotMessage("m" + seq, "chat", seq, "sender", "text", Instant.EPOCH, false, null))
			.toList();
		return new CacheSnapshot("chat", ChatType.GROUP, "G", null, Instant.EPOCH, lastSeq, 1, List.of("sender"),
				messages, Map.of(), Map.of(), 0, Map.of());
	}

	private static List<Long> seqs(List<SnapshotMessage> messages) {
		return messages.stream().map(SnapshotMessage::seq).toList();
	}

}
