package dev.carrier.persistence.events;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Kafka is part of the write path: without it nothing reaches MySQL. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private static final int TIMEOUT_MS = 3000;

	private final Admin admin;

	KafkaHealthIndicator(Admin admin) {
		super("Kafka health check failed");
		this.admin = admin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
		String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

}
