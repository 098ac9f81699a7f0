package dev.carrier.chat.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.carrier.chat.realtime.Fanout;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other features: a message appended and confirmed as a send does, but
 * without its Kafka event, so no persistence-service ever reports it stored, not even a
 * real one that shares the test's broker (a running stack's persistence-service stores
 * what the tests publish and reports it); the chat's storedSeq moves only when the test
 * says. Lives in the messages package because the store is the feature's own.
 */
public final class CacheOnlySends {

	private CacheOnlySends() {
	}

	public static Message send(ApplicationContext context, String chatId, String senderId, String text) {
		MessageStore store = context.getBean(MessageStore.class);
		Fanout fanout = context.getBean(Fanout.class);
		MessageStore.Appended appended = store.append(chatId, senderId, UUID.randomUUID().toString(),
				MessageContent.of(text), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		if (appended.outcome() != MessageStore.Outcome.CREATED
				|| !store.confirm(appended.message(), appended.generation(),
						fanout.envelope(appended.memberIds(), new MessagePush.Created(appended.message())))) {
			throw new IllegalStateException("could not send to chat " + chatId + ": " + appended.outcome());
		}
		return appended.message();
	}

}
