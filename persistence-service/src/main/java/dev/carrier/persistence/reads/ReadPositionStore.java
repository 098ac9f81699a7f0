package dev.carrier.persistence.reads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read positions: a member's last read seq per chat, which only ever grows. */
@Repository
class ReadPositionStore {

	private static final String UPSERT = """
			INSERT INTO read_positions (chat_id, user_id, seq) VALUES (?, ?, ?)
			ON DUPLICATE KEY UPDATE seq = GREATEST(seq, VALUES(seq))
			""";

	private final JdbcTemplate jdbc;

	ReadPositionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void upsert(List<ReadPosition> positions) {
		this.jdbc.batchUpdate(UPSERT, positions, positions.size(), (statement, position) -> {
			statement.setString(1, position.chatId());
			statement.setString(2, position.userId());
			statement.setLong(3, position.seq());
		});
	}

	public List<ReadPosition> of(Collection<String> chatIds) {
		List<ReadPosition> positions = new ArrayList<>();
		if (chatIds.isEmpty()) {
			return positions;
		}
		String in = String.join(",", Collections.nCopies(chatIds.size(), "?"));
		this.jdbc.query("SELECT chat_id, user_id, seq FROM read_positions WHERE chat_id IN (" + in + ")", (row) -> {
			positions.add(new ReadPosition(row.getString(1), row.getString(2), row.getLong(3)));
		}, chatIds.toArray());
		return positions;
	}

}
