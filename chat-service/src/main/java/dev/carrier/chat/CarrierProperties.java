package dev.carrier.chat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything chat-service reads from {@code carrier.*}; the {@code CARRIER_*} environment
 * variables feed it through application.yml.
 */
@ConfigurationProperties("carrier")
public record CarrierProperties(@DefaultValue("http://127.0.0.1:8081") URI authUrl,
		@DefaultValue("http://127.0.0.1:8083") URI persistenceUrl, @DefaultValue Chat chat,
		@DefaultValue Realtime realtime, @DefaultValue Remote remote) {

	/**
	 * @param leaseTtl idle time before a cached chat's lease expires
	 * @param logoutGrace lease left to a chat when its last online member logs out
	 * @param sweepInterval how often the sweeper looks for chats whose expiry went
	 * unheard
	 * @param messageBound how many recent messages a chat keeps in Redis
	 * @param kafkaAckTimeout how long a request waits for Kafka to acknowledge its event
	 * @param topicPartitions partitions of the topics this service declares
	 * @param topicReplicas replication factor of those topics
	 * @param userChangedGroup consumer group for {@code carrier.auth.user-changed}
	 */
	public record Chat(@DefaultValue("15m") Duration leaseTtl, @DefaultValue("30s") Duration logoutGrace,
			@DefaultValue("1m") Duration sweepInterval, @DefaultValue("1000") int messageBound,
			@DefaultValue("10s") Duration kafkaAckTimeout, @DefaultValue("6") int topicPartitions,
			@DefaultValue("1") short topicReplicas, @DefaultValue("chat-service") String userChangedGroup) {
	}

	/**
	 * @param allowedOrigins browser origins allowed to open the WebSocket (the gateway's)
	 * @param authTimeout how long an unauthenticated WebSocket may stay silent
	 * @param sendTimeLimit how long one send to a client may take before the session is
	 * dropped
	 * @param bufferSizeLimit how much may queue for one slow client before it is dropped
	 * @param maxFrameSize largest incoming message; a bigger one closes the socket with
	 * 1009
	 * @param sessionCheckInterval how often the open sockets' sessions are checked (a
	 * socket whose session ended is closed within about this long)
	 * @param typingInterval least time between two typing notices one socket gets relayed
	 * for one chat (more are dropped)
	 * @param framesPerSecond frames per second one socket may send, on average
	 * @param frameBurst frames one socket may send at once; past the budget it is closed
	 * with 1008
	 */
	public record Realtime(@DefaultValue("http://localhost:8080") List<String> allowedOrigins,
			@DefaultValue("10s") Duration authTimeout, @DefaultValue("5s") Duration sendTimeLimit,
			@DefaultValue("512KB") DataSize bufferSizeLimit, @DefaultValue("64KB") DataSize maxFrameSize,
			@DefaultValue("500ms") Duration sessionCheckInterval, @DefaultValue("1s") Duration typingInterval,
			@DefaultValue("20") int framesPerSecond, @DefaultValue("100") int frameBurst) {
	}

	/**
	 * Calls to auth-service and persistence-service: how long to wait for a connection.
	 * Their retry, circuit breaker, bulkhead and time limit are Resilience4j instances
	 * named for each service ({@code resilience4j.*} in application.yml).
	 */
	public record Remote(@DefaultValue("2s") Duration connectTimeout) {
	}

}
