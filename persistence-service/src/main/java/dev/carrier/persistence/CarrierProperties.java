package dev.carrier.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code carrier.*} settings this service reads.
 *
 * @param chat the chat cache's lease
 * @param kafka how topics are declared
 * @param hydration how chats are loaded into Redis
 * @param flush how expired chats are written back and evicted
 */
@ConfigurationProperties("carrier")
public record CarrierProperties(Chat chat, Kafka kafka, Hydration hydration, Flush flush) {

	/** @param leaseTtl the lease a hydrated chat gets, as chat-service refreshes it */
	public record Chat(@DefaultValue("15m") Duration leaseTtl) {
	}

	/** @param partitions partitions per topic; @param replicas replication factor */
	public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
	}

	/**
	 * @param recentMessages messages per chat loaded into Redis
	 * @param catchUpTimeout bound on waiting for the message consumer to reach Kafka's end
	 */
	public record Hydration(@DefaultValue("50") int recentMessages, @DefaultValue("3s") Duration catchUpTimeout) {
	}

	/** @param inFlightWait bound on waiting for messages still on Kafka before a flush gives up */
	public record Flush(@DefaultValue("10s") Duration inFlightWait) {
	}

}
