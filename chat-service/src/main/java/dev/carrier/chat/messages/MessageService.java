package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.carrier.chat.attachments.Attachment;
import dev.carrier.chat.attachments.AttachmentService;
import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.ChatNotFound;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.events.MessageDeleted;
import dev.carrier.chat.events.Topics;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;

/**
 * Sending and deleting messages. A send is answered only once the message is in Redis and
 * its event is acknowledged by Kafka; only then is it pushed to the members.
 */
@Service
public class MessageService {

	public static final int MAX_TEXT = 4000;

	private final ChatAccess chats;

	private final MessageStore store;

	private final MessageHistory history;

	private final MessageLookup lookup;

	private final Mentions mentions;

	private final MessageAcknowledgement acknowledgement;

	private final EventPublisher events;

	private final Fanout fanout;

	private final AttachmentService attachments;

	private final Counter sent;

	private final Counter retried;

	private final Timer sendTimer;

	private final Counter stale;

	MessageService(ChatAccess chats, MessageStore store, MessageHistory history, MessageLookup lookup,
			Mentions mentions, MessageAcknowledgement acknowledgement, EventPublisher events, Fanout fanout,
			AttachmentService attachments, MeterRegistry meters) {
		this.acknowledgement = acknowledgement;
		this.attachments = attachments;
		this.mentions = mentions;
		this.chats = chats;
		this.store = store;
		this.history = history;
		this.lookup = lookup;
		this.events = events;
		this.fanout = fanout;
		this.sent = Counter.builder("carrier.chat.messages.sent")
			.description("Messages stored and acknowledged")
			.register(meters);
		this.retried = Counter.builder("carrier.chat.messages.retried")
			.description("Sends answered with an existing message (same clientMessageId)")
			.register(meters);
		this.stale = Counter.builder("carrier.chat.messages.stale")
			.description("Sends answered 503 because the chat was reloaded while Kafka stored them")
			.register(meters);
		this.sendTimer = Timer.builder("carrier.chat.send")
			.description("Time to store and publish a message")
			.register(meters);
	}

	public Message send(String chatId, String senderId, SendMessageRequest request) {
		return acknowledged(chatId, senderId, request).message();
	}

	/**
	 * {@link #send}, with the message's JSON as its push to the members carried it, for
	 * an answer that embeds the message.
	 */
	public AcknowledgedMessage acknowledged(String chatId, String senderId, SendMessageRequest request) {
		String text = (request.text() != null) ? request.text().trim() : "";
		boolean attached = !request.attachmentIds().isEmpty();
		if ((text.isEmpty() && !attached) || text.length() > MAX_TEXT) {
			throw new InvalidRequest("Message text must be 1 to " + MAX_TEXT
					+ " characters after trimming (or empty when the message carries attachments)");
		}
		String clientMessageId = request.clientMessageId().trim();
		if (clientMessageId.isEmpty() || clientMessageId.length() > 64) {
			throw new InvalidRequest("clientMessageId must be 1 to 64 characters");
		}
		if (!Ids.isValid(chatId)) {
			// no other spelling of an id ever reaches Redis
			throw new ChatNotFound();
		}
		Quote quote = (request.replyTo() != null) ? quote(chatId, senderId, request.replyTo().trim()) : null;
		List<String> mentioned = Mentions.names(text).isEmpty() ? List.of()
				: this.mentions.of(text, this.chats.requireMember(chatId, senderId).memberIds());
		// claimed before the append, so no second send can carry them (a retry claims
		// again)
		List<Attachment> attachments = attached ? claim(chatId, senderId, clientMessageId, request.attachmentIds())
				: List.of();
		return this.sendTimer.record(() -> store(chatId, senderId, clientMessageId,
				new MessageContent(text, quote, mentioned, attachments, null)));
	}

	private List<Attachment> claim(String chatId, String senderId, String clientMessageId, List<String> ids) {
		this.chats.requireMember(chatId, senderId);
		return this.attachments.claim(chatId, senderId, clientMessageId, ids);
	}

	/**
	 * What a reply quotes: a message of this chat that is acknowledged and not deleted.
	 * Membership comes first, so a stranger learns nothing about the chat's messages.
	 */
	private Quote quote(String chatId, String senderId, String replyTo) {
		this.chats.requireMember(chatId, senderId);
		return this.lookup.find(chatId, replyTo)
			.map((original) -> Quote.of(original.message()))
			.orElseThrow(() -> new InvalidRequest("replyTo must be a message of this chat that is not deleted"));
	}

	private AcknowledgedMessage store(String chatId, String senderId, String clientMessageId, MessageContent content) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		// The append checks membership itself, so a cached chat costs one round trip.
		MessageStore.Appended appended = this.store.append(chatId, senderId, clientMessageId, content, now);
		if (appended.outcome() == MessageStore.Outcome.NO_CHAT) {
			// Not cached: reload it for a member (a stranger reloads nothing), then once
			// more.
			this.chats.requireMember(chatId, senderId);
			appended = this.store.append(chatId, senderId, clientMessageId, content, now);
		}
		switch (appended.outcome()) {
			case NO_CHAT, NOT_MEMBER -> throw new ChatNotFound();
			case EXISTING_TRIMMED -> {
				// a retry of a message already durable and older than the list: answer it
				// from MySQL
				this.retried.increment();
				String messageId = appended.messageId();
				return this.history.findOlder(chatId, messageId)
					.map((older) -> new AcknowledgedMessage(older, null))
					.orElseThrow(() -> new ClientMessageIdTaken(messageId));
			}
			default -> {
			}
		}
		Message message = appended.message();
		String json = this.acknowledgement.acknowledge(appended, clientMessageId).orElseThrow(() -> {
			this.stale.increment();
			return new ServiceUnavailable(
					"The chat was reloaded while this message was being stored; retry with the same clientMessageId");
		});
		if (appended.outcome() == MessageStore.Outcome.CREATED) {
			this.sent.increment();
		}
		else {
			this.retried.increment();
		}
		return new AcknowledgedMessage(message, json);
	}

	public void delete(String chatId, String messageId, String userId) {
		StoredChat chat = this.chats.requireMember(chatId, userId);
		if (!Ids.isValid(messageId)) {
			throw new MessageNotFound();
		}
		MessageStore.Tombstoned result = this.store.tombstone(chatId, messageId, userId);
		Message message = switch (result.outcome()) {
			case DELETED -> result.message();
			case NOT_CACHED -> this.history.findOlder(chatId, messageId)
				.filter(older -> older.senderId().equals(userId) && older.system() == null)
				.orElseThrow(MessageNotFound::new);
			case NOT_FOUND -> throw new MessageNotFound();
		};
		this.events.publish(Topics.MESSAGE_DELETED, chatId, new MessageDeleted(MessageDeleted.newEventId(),
				Instant.now(), chatId, messageId, message.seq(), message.senderId()));
		this.fanout.publish(chat.memberIds(), new MessagePush.Deleted(chatId, messageId));
	}

}
