package dev.carrier.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * One Redis subscription for the fan-out channel and the expired-key events. Messages are
 * dispatched on the subscription's own thread, in the order Redis sent them (an executor
 * per message would reorder them); listeners only hand work off, so they never hold it
 * up.
 */
@Configuration(proxyBeanMethods = false)
class RedisListenerConfiguration {

	@Bean
	RedisMessageListenerContainer redisListenerContainer(RedisConnectionFactory connectionFactory) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.setTaskExecutor(new SyncTaskExecutor());
		return container;
	}

}
