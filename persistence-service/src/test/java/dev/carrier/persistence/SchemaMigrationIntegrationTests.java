package dev.carrier.persistence;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.carrier.persistence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SchemaMigrationIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void flywayCreatesEveryTableInUtf8mb4() {
		List<String> tables = this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
		assertThat(tables).contains("users", "avatars", "chats", "chat_members", "messages", "read_positions",
				"message_reactions", "hidden_chats", "flyway_schema_history");
		List<String> collations = this.jdbc.queryForList(
				"SELECT DISTINCT table_collation FROM information_schema.tables WHERE table_schema = DATABASE()"
						+ " AND table_name IN ('users', 'chats', 'messages')",
				String.class);
		assertThat(collations).allMatch((collation) -> collation.startsWith("utf8mb4"));
		assertThat(this.jdbc.queryForObject("SELECT success FROM flyway_schema_history WHERE version = '1'",
				Boolean.class))
			.isTrue();
	}

	@Test
	void uniqueAndPagingIndexesExist() {
		assertThat(uniqueColumns("messages", "uk_messages_chat_seq")).containsExactly("chat_id", "seq");
		assertThat(uniqueColumns("users", "uk_users_username_lower")).containsExactly("username_lower");
		assertThat(uniqueColumns("users", "uk_users_email_lower")).containsExactly("email_lower");
		assertThat(uniqueColumns("chats", "uk_chats_direct_key")).containsExactly("direct_key");
		assertThat(indexColumns("chat_members", "PRIMARY")).containsExactly("chat_id", "user_id");
		assertThat(indexColumns("chat_members", "ix_chat_members_user")).containsExactly("user_id");
		assertThat(indexColumns("read_positions", "PRIMARY")).containsExactly("chat_id", "user_id");
		assertThat(indexColumns("message_reactions", "PRIMARY")).containsExactly("message_id", "emoji", "user_id");
		assertThat(indexColumns("hidden_chats", "PRIMARY")).containsExactly("chat_id", "user_id");
		// ids compare byte for byte, as since V2 (SnapshotIntegrationTests shows why)
		assertThat(this.jdbc.queryForList("SELECT collation_name FROM information_schema.columns"
				+ " WHERE table_schema = DATABASE() AND table_name = 'hidden_chats'"
				+ " AND column_name IN ('chat_id', 'user_id')", String.class))
			.containsExactly("utf8mb4_bin", "utf8mb4_bin");
		// different emoji must never share a row (ReactionsIntegrationTests shows why)
		assertThat(this.jdbc
			.queryForObject("SELECT CONCAT(character_set_name, '/', collation_name) FROM information_schema.columns"
					+ " WHERE table_schema = DATABASE() AND table_name = 'message_reactions' AND column_name = 'emoji'",
					String.class))
			.isEqualTo("utf8mb4/utf8mb4_bin");
		assertThat(this.jdbc.queryForObject(
				"SELECT data_type FROM information_schema.columns"
						+ " WHERE table_schema = DATABASE() AND table_name = 'avatars' AND column_name = 'bytes'",
				String.class))
			.isEqualToIgnoringCase("mediumblob");
	}

	private List<String> uniqueColumns(String table, String index) {
		assertThat(this.jdbc.queryForObject(
				"SELECT MIN(non_unique) FROM information_schema.statistics"
						+ " WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?",
				Integer.class, table, index))
			.isZero();
		return indexColumns(table, index);
	}

	private List<String> indexColumns(String table, String index) {
		return this.jdbc.queryForList("SELECT column_name FROM information_schema.statistics"
				+ " WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY seq_in_index",
				String.class, table, index);
	}

}
