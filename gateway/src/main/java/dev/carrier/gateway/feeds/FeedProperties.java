package dev.carrier.gateway.feeds;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's feeds from chat-service ({@link ChatFeeds}).
 *
 * @param enabled whether the gateway opens a feed to each chat-service instance; without
 * one, every frame is proxied on its socket's own upstream connection
 * ({@code CARRIER_WEBSOCKET_FEED_ENABLED})
 * @param reconnectDelay how long the gateway waits before it opens a broken feed again
 * @param discover where chat-service's instances are when {@code CARRIER_CHAT_URL} names
 * one address in front of several of them (a Kubernetes Service): a URL whose host name
 * resolves to every instance's own address (a headless Service), with their port. The
 * gateway opens a feed to each address. Unset, it opens one to each URL in
 * {@code CARRIER_CHAT_URL} ({@code CARRIER_WEBSOCKET_FEED_DISCOVER})
 * @param rediscoverEvery how often the gateway resolves {@code discover} again, to open
 * feeds to new instances and close those to instances that are gone
 */
@ConfigurationProperties("carrier.websocket.feed")
public record FeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration reconnectDelay,
		@Nullable URI discover, @DefaultValue("10s") Duration rediscoverEvery) {
}
