package dev.carrier.chat.reads;

import java.time.Instant;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.ReadChanged;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.shared.InvalidRequest;

import org.springframework.stereotype.Service;

/**
 * Read positions: they only move forward; each move is published and pushed to the
 * members.
 */
@Service
public class ReadService {

	private final ChatAccess chats;

	private final ReadStore store;

	private final EventPublisher events;

	private final Fanout fanout;

	ReadService(ChatAccess chats, ReadStore store, EventPublisher events, Fanout fanout) {
		this.chats = chats;
		this.store = store;
		this.events = events;
		this.fanout = fanout;
	}

	/** The newest seq the user has read in the chat (0 before any). */
	public long position(String chatId, String userId) {
		return this.store.position(chatId, userId);
	}

	void markRead(String chatId, String userId, long seq) {
		StoredChat chat = this.chats.requireMember(chatId, userId);
		if (seq > chat.lastSeq()) {
			throw new InvalidRequest("seq " + seq + " is beyond the chat's last message (" + chat.lastSeq() + ")");
		}
		long position = this.store.advance(chatId, userId, seq);
		if (position != seq) {
			return;
		}
		this.events.publish(Topics.READ_CHANGED, chatId,
				new ReadChanged(ReadChanged.newEventId(), Instant.now(), chatId, userId, seq));
		this.fanout.publish(chat.memberIds(), new ReadPush(chatId, userId, seq));
	}

}
