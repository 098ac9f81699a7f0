package dev.carrier.persistence.messages;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/** Pages of a chat's history, always returned oldest first. */
@Service
class MessageHistory {

	private final MessageRepository messages;

	private final MessageViews views;

	MessageHistory(MessageRepository messages, MessageViews views) {
		this.messages = messages;
		this.views = views;
	}

	List<MessageView> page(String chatId, Long beforeSeq, Long afterSeq, int limit) {
		Limit max = Limit.of(limit);
		List<MessageEntity> page;
		if (beforeSeq != null && afterSeq != null) {
			page = this.messages.findByChatIdAndSeqGreaterThanAndSeqLessThanOrderBySeqAsc(chatId, afterSeq, beforeSeq,
					max);
		}
		else if (afterSeq != null) {
			page = this.messages.findByChatIdAndSeqGreaterThanOrderBySeqAsc(chatId, afterSeq, max);
		}
		else if (beforeSeq != null) {
			page = this.messages.findByChatIdAndSeqLessThanOrderBySeqDesc(chatId, beforeSeq, max).reversed();
		}
		else {
			page = this.messages.findByChatIdOrderBySeqDesc(chatId, max).reversed();
		}
		return this.views.of(page.stream().map(MessageEntity::toRow).toList());
	}

}
