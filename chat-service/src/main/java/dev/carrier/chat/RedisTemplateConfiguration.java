package dev.carrier.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The service's {@link StringRedisTemplate}, as Spring Boot would make it, except that
 * its scripts run through {@link LettuceScriptExecutor}.
 */
@Configuration(proxyBeanMethods = false)
class RedisTemplateConfiguration {

	@Bean
	LettuceScriptExecutor redisScriptExecutor(LettuceConnectionFactory connectionFactory) {
		return new LettuceScriptExecutor(connectionFactory);
	}

	@Bean
	StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory connectionFactory, LettuceScriptExecutor scripts) {
		StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
		template.setScriptExecutor(scripts);
		return template;
	}

}
