package dev.carrier.persistence.messages;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** History pages, all read along the {@code (chat_id, seq)} unique index. */
interface MessageRepository extends Repository<MessageEntity, String> {

	List<MessageEntity> findByChatIdAndSeqLessThanOrderBySeqDesc(String chatId, long seq, Limit limit);

	List<MessageEntity> findByChatIdAndSeqGreaterThanOrderBySeqAsc(String chatId, long seq, Limit limit);

	List<MessageEntity> findByChatIdAndSeqGreaterThanAndSeqLessThanOrderBySeqAsc(String chatId, long afterSeq,
			long beforeSeq, Limit limit);

	List<MessageEntity> findByChatIdOrderBySeqDesc(String chatId, Limit limit);

}
