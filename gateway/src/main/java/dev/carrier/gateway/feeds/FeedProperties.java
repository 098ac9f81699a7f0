package dev.carrier.gateway.feeds;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's feeds from chat-service ({@link ChatFeeds}).
 *
 * @param enabled whether the gateway opens a feed to each chat-service instance; without
 * one, every frame is proxied on its socket's own upstream connection
 * ({@code CARRIER_WEBSOCKET_FEEDS})
 * @param reconnectDelay how long the gateway waits before it opens a broken feed again
 */
@ConfigurationProperties("carrier.websocket.feed")
public record FeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration reconnectDelay) {
}
