package dev.carrier.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code carrier.*} settings this service reads.
 *
 * @param kafka how topics are declared
 * @param snapshots what chat-service gets when it reloads chats into its cache
 */
@ConfigurationProperties("carrier")
public record CarrierProperties(@DefaultValue Kafka kafka, @DefaultValue Snapshots snapshots) {

	/**
	 * @param partitions partitions per topic; @param replicas replication factor
	 */
	public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
	}

	/**
	 * @param recentMessages newest messages per chat in a snapshot
	 * @param clientIdWindow newest messages per chat whose client ids a snapshot carries
	 * @param catchUpTimeout bound on proving the consumers current; past it the request
	 * gets a 503
	 */
	public record Snapshots(@DefaultValue("50") int recentMessages, @DefaultValue("200") int clientIdWindow,
			@DefaultValue("3s") Duration catchUpTimeout) {
	}

}
