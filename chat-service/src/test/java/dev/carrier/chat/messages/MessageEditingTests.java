package dev.carrier.chat.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.carrier.chat.chats.ChatAccess;
import dev.carrier.chat.chats.StoredChat;
import dev.carrier.chat.events.EventPublisher;
import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.shared.ChatType;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The edit's failure paths around its remote calls: nothing is written or pushed before
 * Kafka has the edit.
 */
class MessageEditingTests {

	private static final String CHAT = UUID.randomUUID().toString();

	private static final String MESSAGE = UUID.randomUUID().toString();

	private static final String ALICE = UUID.randomUUID().toString();

	private final ChatAccess chats = mock(ChatAccess.class);

	private final EditStore store = mock(EditStore.class);

	private final MessageHistory history = mock(MessageHistory.class);

	private final EventPublisher events = mock(EventPublisher.class);

	private final Fanout fanout = mock(Fanout.class);

	private final MessageEditing editing = new MessageEditing(this.chats, this.store, this.history, this.events,
			this.fanout, mock(Mentions.class), new SimpleMeterRegistry());

	@Test
	void whenKafkaDoesNotAcknowledgeTheEditTheCacheAndTheSocketsHearNothing() {
		given(this.chats.requireMember(CHAT, ALICE))
			.willReturn(new StoredChat(CHAT, ChatType.DIRECT, null, Instant.EPOCH, 1, List.of(ALICE)));
		given(this.store.find(CHAT, MESSAGE, ALICE))
			.willReturn(new EditStore.Lookup(EditStore.Found.CACHED, new Message(MESSAGE, CHAT, 1, ALICE, "as sent",
					Instant.EPOCH, false, null, null, null, null, null, null), "0"));
		willThrow(new ServiceUnavailable("The message broker is unavailable; retry the request")).given(this.events)
			.publish(anyString(), anyString(), any());

		assertThatThrownBy(() -> this.editing.edit(CHAT, MESSAGE, ALICE, new EditMessageRequest("edited")))
			.isInstanceOf(ServiceUnavailable.class);

		verify(this.store, never()).apply(anyString(), anyString(), anyString(), any(), any());
		verifyNoInteractions(this.fanout);
	}

	@Test
	void whenMySqlCannotBeAskedForAnOlderMessageNothingIsPublished() {
		given(this.chats.requireMember(CHAT, ALICE))
			.willReturn(new StoredChat(CHAT, ChatType.DIRECT, null, Instant.EPOCH, 1, List.of(ALICE)));
		given(this.store.find(CHAT, MESSAGE, ALICE))
			.willReturn(new EditStore.Lookup(EditStore.Found.NOT_CACHED, null, "0"));
		given(this.history.findOlder(CHAT, MESSAGE))
			.willThrow(new ServiceUnavailable("persistence-service is unavailable"));

		assertThatThrownBy(() -> this.editing.edit(CHAT, MESSAGE, ALICE, new EditMessageRequest("edited")))
			.isInstanceOf(ServiceUnavailable.class);

		verifyNoInteractions(this.events, this.fanout);
	}

}
