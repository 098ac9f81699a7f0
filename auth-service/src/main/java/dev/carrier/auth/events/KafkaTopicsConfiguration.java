package dev.carrier.auth.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic userChangedTopic(TopicProperties properties) {
		return TopicBuilder.name(Topics.USER_CHANGED)
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	NewTopic avatarUploadedTopic(TopicProperties properties) {
		return TopicBuilder.name(Topics.AVATAR_UPLOADED)
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

}
