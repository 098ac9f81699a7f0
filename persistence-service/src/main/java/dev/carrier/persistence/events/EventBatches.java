package dev.carrier.persistence.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a batch of records reaches MySQL: read every record, write the readable
 * prefix in ONE transaction, and acknowledge the offsets only after that transaction
 * committed.
 * <p>
 * A record that cannot be read, or that MySQL refuses on its own, is reported to the
 * error handler by its index ({@link BatchListenerFailedException}): the records before
 * it are committed, it goes to the dead-letter topic, and the records after it are
 * delivered again (every write is idempotent). Any other failure (MySQL down) fails the
 * whole batch, which the error handler retries with backoff.
 */
@Component
public class EventBatches {

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final EventMetrics metrics;

	public EventBatches(JsonMapper json, TransactionTemplate transaction, EventMetrics metrics) {
		this.json = json;
		this.transaction = transaction;
		this.metrics = metrics;
	}

	public <E extends Event> void write(List<ConsumerRecord<String, String>> records, Class<E> type,
			Consumer<List<E>> writer, Acknowledgment ack) {
		write(records, type, writer, (committed) -> {
		}, ack);
	}

	/**
	 * As {@link #write(List, Class, Consumer, Acknowledgment)}, and hands the events
	 * whose transaction committed to {@code afterCommit} before the offsets are
	 * acknowledged; when it fails, the batch fails and is delivered again.
	 */
	public <E extends Event> void write(List<ConsumerRecord<String, String>> records, Class<E> type,
			Consumer<List<E>> writer, Consumer<List<E>> afterCommit, Acknowledgment ack) {
		if (records.isEmpty()) {
			return;
		}
		String topic = records.getFirst().topic();
		this.metrics.consumed(topic, records.size());
		List<E> events = new ArrayList<>(records.size());
		EventUnreadable unreadable = null;
		for (ConsumerRecord<String, String> record : records) {
			try {
				events.add(read(record, type));
			}
			catch (EventUnreadable ex) {
				unreadable = ex;
				break;
			}
		}
		writeInOneTransaction(topic, records, events, writer, afterCommit);
		if (unreadable != null) {
			throw new BatchListenerFailedException("Unreadable record on " + topic, unreadable,
					records.get(events.size()));
		}
		ack.acknowledge();
	}

	public <E extends Event> E read(ConsumerRecord<String, String> record, Class<E> type) {
		if (record.value() == null) {
			throw new EventUnreadable("The record has no value");
		}
		E event;
		try {
			event = this.json.readValue(record.value(), type);
		}
		catch (JacksonException ex) {
			// the parser's own message may quote the value: keep only what kind of
			// failure it was
			throw new EventUnreadable("Not a " + type.getSimpleName() + ": " + ex.getClass().getSimpleName());
		}
		if (event == null) {
			throw new EventUnreadable("The record's value is JSON null");
		}
		event.requireComplete();
		return event;
	}

	private <E extends Event> void writeInOneTransaction(String topic, List<ConsumerRecord<String, String>> records,
			List<E> events, Consumer<List<E>> writer, Consumer<List<E>> afterCommit) {
		if (events.isEmpty()) {
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> writer.accept(events));
		}
		catch (DataIntegrityViolationException ex) {
			writeOneByOne(topic, records, events, writer, afterCommit);
			return;
		}
		this.metrics.written(topic, events.size());
		afterCommit.accept(events);
	}

	/** Finds the record MySQL refuses, after writing those before it. */
	private <E extends Event> void writeOneByOne(String topic, List<ConsumerRecord<String, String>> records,
			List<E> events, Consumer<List<E>> writer, Consumer<List<E>> afterCommit) {
		for (int i = 0; i < events.size(); i++) {
			E event = events.get(i);
			try {
				this.transaction.executeWithoutResult((status) -> writer.accept(List.of(event)));
			}
			catch (DataIntegrityViolationException ex) {
				afterCommit.accept(events.subList(0, i));
				throw new BatchListenerFailedException("Record refused by MySQL on " + topic,
						new EventRejected("MySQL refused the record", ex), records.get(i));
			}
			this.metrics.written(topic, 1);
		}
		afterCommit.accept(events);
	}

}
