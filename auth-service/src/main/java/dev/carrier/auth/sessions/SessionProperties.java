package dev.carrier.auth.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleTtl a session unused this long ends (sliding)
 * @param maxAge a session ends this long after login, however busy
 * @param slideInterval the idle TTL is pushed forward at most this often per session, so
 * the gateway's validation of every request does not write to Redis every time
 */
@ConfigurationProperties("carrier.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTtl, @DefaultValue("12h") Duration maxAge,
		@DefaultValue("5s") Duration slideInterval) {
}
