package dev.carrier.persistence.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells chat-service how far MySQL holds each chat ({@link MessagesStored}), after the
 * batch that stored it committed. It waits for Kafka's acknowledgement: a report that
 * fails fails the batch, which is then delivered again (its writes are idempotent), so no
 * report is lost for good.
 */
@Component
public class DurabilityReports {

	private static final long ACK_TIMEOUT_SECONDS = 10;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	public DurabilityReports(KafkaTemplate<String, String> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * @param storedSeqs chat id to the highest seq the committed batch stored for it
	 */
	public void messagesStored(Map<String, Long> storedSeqs) {
		CompletableFuture<?>[] sends = storedSeqs.entrySet()
			.stream()
			.map((chat) -> this.kafka.send(Topics.MESSAGES_STORED, chat.getKey(),
					this.json.writeValueAsString(MessagesStored.of(chat.getKey(), chat.getValue()))))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reporting stored messages", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take the stored-messages reports", ex);
		}
	}

	/**
	 * Sends a message that lost its seq to a newer incarnation of the chat to the message
	 * topic's dead-letter topic, with the reason in a header: never dropped silently.
	 */
	public void deadLetter(String topic, String key, Object value, String reason) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetter(topic), key,
				this.json.writeValueAsString(value));
		record.headers().add("carrier-dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while dead-lettering a message", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take a dead-lettered message", ex);
		}
	}

}
