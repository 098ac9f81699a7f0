package dev.carrier.persistence.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.carrier.persistence.chats.StoredChats;
import dev.carrier.persistence.messages.StoredMessages;
import dev.carrier.persistence.users.StoredUsers;

/** The whole service on the real MariaDB and Kafka; one shared application context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RealServers.class, KafkaEvents.class, StoredChats.class, StoredMessages.class, StoredUsers.class })
@ActiveProfiles("it")
public @interface IntegrationTest {

}
