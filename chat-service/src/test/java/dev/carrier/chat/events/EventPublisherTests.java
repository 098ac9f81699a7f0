package dev.carrier.chat.events;

import java.time.Duration;
import java.util.Map;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.shared.ServiceUnavailable;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherTests {

	@Test
	void unreachableBrokerFailsTheRequestFastWith503() {
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000),
				new StringSerializer(), new StringSerializer());
		CarrierProperties properties = new CarrierProperties(null, null,
				new CarrierProperties.Chat(Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(1), 1000,
						Duration.ofSeconds(2), 6, (short) 1, "chat-service"),
				null, null);
		EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), JsonMapper.builder().build(),
				properties);
		try {
			assertThatThrownBy(() -> publisher.publish(Topics.READ_CHANGED, "chat",
					new ReadChanged("e", java.time.Instant.now(), "chat", "user", 1)))
				.isInstanceOf(ServiceUnavailable.class);
		}
		finally {
			factory.destroy();
		}
	}

}
