package dev.carrier.auth.remote;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other services answer ({@code CARRIER_PERSISTENCE_URL},
 * {@code CARRIER_CHAT_URL}). {@code CARRIER_CHAT_URL} may list several chat-service
 * instances separated by commas (the gateway balances over them); any instance can take a
 * logout notification, so the first is used.
 */
@ConfigurationProperties("carrier")
public record ServiceUrls(@DefaultValue("http://127.0.0.1:8083") URI persistenceUrl,
		@DefaultValue("http://127.0.0.1:8082") String chatUrl) {

	public URI firstChatUrl() {
		return URI.create(this.chatUrl.split(",")[0].strip());
	}

}
