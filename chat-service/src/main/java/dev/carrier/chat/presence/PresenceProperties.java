package dev.carrier.chat.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How presence is kept (README, "Presence").
 *
 * @param ttl how long an instance's heartbeat for a user counts as live; a crashed
 * instance's users go offline once it lapses (plus at most one sweep)
 * @param heartbeatInterval how often each instance renews the entries of the users it
 * holds sockets of (well under the TTL, so one late beat loses nothing)
 * @param sweepInterval how often each instance looks for users whose every entry lapsed
 */
@ConfigurationProperties("carrier.presence")
record PresenceProperties(@DefaultValue("30s") Duration ttl, @DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("5s") Duration sweepInterval) {
}
