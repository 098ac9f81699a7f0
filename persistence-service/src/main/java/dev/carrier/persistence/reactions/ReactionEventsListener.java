package dev.carrier.persistence.reactions;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.ReactionChanged;
import dev.carrier.persistence.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** chat-service's reactions into MySQL. */
@Component
class ReactionEventsListener {

	private final EventBatches batches;

	private final ReactionStore store;

	ReactionEventsListener(EventBatches batches, ReactionStore store) {
		this.batches = batches;
		this.store = store;
	}

	@KafkaListener(id = "reaction-changed", idIsGroup = false, topics = Topics.REACTION_CHANGED)
	void onReactionChanged(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, ReactionChanged.class,
				(events) -> this.store.upsert(events.stream()
					.map((changed) -> new ReactionChange(changed.messageId(), changed.emoji(), changed.userId(),
							changed.present(), changed.changedAt()))
					.toList()),
				ack);
	}

}
