package dev.carrier.chat.chatlist;

import java.util.ArrayList;
import java.util.List;

import dev.carrier.chat.chats.Chat;
import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.ChatViews;
import dev.carrier.chat.chats.ChatsOpened;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.messages.MessageHistory;
import dev.carrier.chat.reads.ReadService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The caller's chat list: each chat with its newest message and the caller's unread
 * count. It sits above chats, messages and reads, so none of those needs the others for
 * it.
 */
@Service
class ChatListService {

	private final ChatAccess chats;

	private final ChatViews views;

	private final MessageHistory messages;

	private final ReadService reads;

	private final ApplicationEventPublisher events;

	ChatListService(ChatAccess chats, ChatViews views, MessageHistory messages, ReadService reads,
			ApplicationEventPublisher events) {
		this.chats = chats;
		this.views = views;
		this.messages = messages;
		this.reads = reads;
		this.events = events;
	}

	/**
	 * The caller's chats, most recent activity first, without those they hid that had no
	 * message since.
	 */
	List<ChatSummary> list(String userId) {
		List<StoredChat> chats = this.chats.chatsOf(userId)
			.stream()
			.filter((chat) -> !chat.isHiddenFor(userId))
			.toList();
		this.events.publishEvent(new ChatsOpened(chats.stream().map(StoredChat::id).toList()));
		List<Chat> views = this.views.views(chats);
		List<ChatSummary> summaries = new ArrayList<>(chats.size());
		for (int i = 0; i < chats.size(); i++) {
			StoredChat chat = chats.get(i);
			long readSeq = this.reads.position(chat.id(), userId);
			long unread = Math.max(0, chat.lastSeq() - readSeq);
			long mentions = (unread > 0) ? this.messages.mentionsAfter(chat.id(), userId, readSeq, unread) : 0;
			summaries.add(new ChatSummary(views.get(i), this.messages.last(chat.id()).orElse(null), unread, mentions));
		}
		return summaries;
	}

}
