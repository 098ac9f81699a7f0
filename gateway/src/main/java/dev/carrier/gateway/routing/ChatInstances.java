package dev.carrier.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Load-balancer configuration for {@code lb://chat-service}: the fixed list of instances
 * from {@code CARRIER_CHAT_URL}, filtered by periodic readiness checks so that a dead
 * instance leaves the rotation (the routes also retry a refused connection on the next
 * instance, which covers the seconds before the next check).
 * <p>
 * Deliberately not a {@code @Configuration}: it belongs to the load balancer's child
 * context for chat-service only and must not be picked up by component scanning.
 */
public class ChatInstances {

	public static final String SERVICE_ID = "chat-service";

	private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	ServiceInstanceListSupplier chatInstanceListSupplier(ConfigurableApplicationContext context,
			ServicesProperties services) {
		return ServiceInstanceListSupplier.builder()
			.withBase(new FixedInstances(SERVICE_ID, instancesOf(SERVICE_ID, services.chatUrl())))
			.withHealthChecks(healthCheckClient())
			.build(context);
	}

	/**
	 * A readiness check that hangs is as bad as a failed one; the loader also cuts it at
	 * the interval.
	 */
	private static WebClient healthCheckClient() {
		HttpClient http = HttpClient.create().responseTimeout(HEALTH_CHECK_TIMEOUT);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	static List<ServiceInstance> instancesOf(String serviceId, List<URI> urls) {
		return urls.stream().map(url -> toInstance(serviceId, url)).toList();
	}

	private static ServiceInstance toInstance(String serviceId, URI url) {
		boolean secure = "https".equalsIgnoreCase(url.getScheme());
		int port = (url.getPort() != -1) ? url.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(serviceId + "@" + url.getHost() + ":" + port, serviceId, url.getHost(), port,
				secure);
	}

	record FixedInstances(String serviceId, List<ServiceInstance> instances) implements ServiceInstanceListSupplier {

		@Override
		public String getServiceId() {
			return this.serviceId;
		}

		@Override
		public Flux<List<ServiceInstance>> get() {
			return Flux.just(this.instances);
		}

	}

}
