package dev.carrier.persistence.messages;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.carrier.persistence.attachments.Attachments;
import dev.carrier.persistence.reactions.Reactions;
import dev.carrier.persistence.support.RealServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History pages, on the JPA slice against the real MariaDB (each test rolls back): every
 * page comes oldest first, whichever end of the chat it is cut from.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ MessageHistory.class, MessageViews.class, MessageStore.class, RealServers.class })
@ActiveProfiles("it")
class MessageHistoryTests {

	@Autowired
	MessageHistory history;

	/** No reactions: these tests are about paging. */
	@MockitoBean
	Reactions reactions;

	/** No attachments either. */
	@MockitoBean
	Attachments attachments;

	@Autowired
	DataSource dataSource;

	private final String chatId = "history-" + UUID.randomUUID();

	@BeforeEach
	void tenMessages() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (long seq = 1; seq <= 10; seq++) {
			jdbc.update(
					"INSERT INTO messages (id, chat_id, seq, sender_id, text, sent_at) VALUES (?, ?, ?, ?, ?, NOW(6))",
					UUID.randomUUID().toString(), this.chatId, seq, "alice", "message " + seq);
		}
	}

	@Test
	void withNeitherBoundTheNewestPageComesOldestFirst() {
		assertThat(seqs(this.history.page(this.chatId, null, null, 3))).containsExactly(8L, 9L, 10L);
	}

	@Test
	void beforeSeqGivesTheNewestMessagesBelowIt() {
		assertThat(seqs(this.history.page(this.chatId, 5L, null, 3))).containsExactly(2L, 3L, 4L);
	}

	@Test
	void afterSeqGivesTheOldestMessagesAboveIt() {
		assertThat(seqs(this.history.page(this.chatId, null, 5L, 3))).containsExactly(6L, 7L, 8L);
	}

	@Test
	void bothBoundsGiveTheOldestMessagesBetweenThem() {
		assertThat(seqs(this.history.page(this.chatId, 9L, 2L, 4))).containsExactly(3L, 4L, 5L, 6L);
	}

	@Test
	void anotherChatsMessagesNeverShowUp() {
		assertThat(this.history.page("no-such-chat-" + UUID.randomUUID(), null, null, 50)).isEmpty();
	}

	private static List<Long> seqs(List<MessageView> page) {
		return page.stream().map(MessageView::seq).toList();
	}

}
