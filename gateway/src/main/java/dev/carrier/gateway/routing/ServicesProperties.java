package dev.carrier.gateway.routing;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services behind the gateway listen. {@code chatUrl} may name several
 * chat-service instances
 * ({@code CARRIER_CHAT_URL=http://127.0.0.1:8082,http://127.0.0.1:8084}); the gateway
 * balances over them.
 */
@ConfigurationProperties("carrier.services")
public record ServicesProperties(URI authUrl, List<URI> chatUrl) {
}
