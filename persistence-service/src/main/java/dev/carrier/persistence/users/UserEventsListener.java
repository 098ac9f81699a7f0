package dev.carrier.persistence.users;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.carrier.persistence.events.AvatarUploaded;
import dev.carrier.persistence.events.EventBatches;
import dev.carrier.persistence.events.Topics;
import dev.carrier.persistence.events.UserChanged;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** auth-service's user snapshots and avatar uploads into MySQL. */
@Component
class UserEventsListener {

	private final EventBatches batches;

	private final UserStore store;

	UserEventsListener(EventBatches batches, UserStore store) {
		this.batches = batches;
		this.store = store;
	}

	@KafkaListener(id = "user-changed", idIsGroup = false, topics = Topics.USER_CHANGED)
	void onUserChanged(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, UserChanged.class,
				(events) -> this.store.upsertUsers(events.stream().map(UserChanged::user).toList()), ack);
	}

	@KafkaListener(id = "avatar-uploaded", idIsGroup = false, topics = Topics.AVATAR_UPLOADED)
	void onAvatarUploaded(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
		this.batches.write(records, AvatarUploaded.class, this.store::upsertAvatars, ack);
	}

}
