package dev.carrier.chat.realtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A socket lives no longer than its session. Every
 * {@code carrier.realtime.session-check-interval} the tokens of this instance's open
 * sockets go to auth-service in batches, and every socket whose session ended (logout,
 * password change, idle or absolute expiry, a lost session store) is closed with 4401.
 * One check covers every way a session can end, on every instance, without events that
 * could be missed. When auth-service cannot answer, nothing is closed: that is not proof
 * of an end.
 */
@Component
class SessionWatch implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);

	private static final int BATCH = 1000;

	private final Map<ClientSession, String> tokens = new ConcurrentHashMap<>();

	private final AuthClient auth;

	private final long intervalMillis;

	private final Counter closed;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-watch").daemon().factory());

	SessionWatch(AuthClient auth, CarrierProperties properties, MeterRegistry meters) {
		this.auth = auth;
		this.intervalMillis = properties.realtime().sessionCheckInterval().toMillis();
		this.closed = Counter.builder("carrier.chat.sockets.session-ended")
			.description("Sockets closed because their session ended")
			.register(meters);
	}

	void watch(ClientSession client, String token) {
		this.tokens.put(client, token);
	}

	void forget(ClientSession client) {
		this.tokens.remove(client);
	}

	@Override
	public void afterPropertiesSet() {
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				closeEndedSessions();
			}
			catch (RuntimeException ex) {
				log.warn("Session check failed: {}", ex.toString());
			}
		}, this.intervalMillis, this.intervalMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * @return how many sockets were closed
	 */
	int closeEndedSessions() {
		// only the sockets of this snapshot are judged: one watched after it was taken
		// has a token
		// the answer cannot mention, and must not be closed for that
		Map<ClientSession, String> watched = Map.copyOf(this.tokens);
		if (watched.isEmpty()) {
			return 0;
		}
		List<String> distinct = new ArrayList<>(new HashSet<>(watched.values()));
		Set<String> alive = new HashSet<>();
		try {
			for (int from = 0; from < distinct.size(); from += BATCH) {
				alive.addAll(this.auth.aliveTokens(distinct.subList(from, Math.min(distinct.size(), from + BATCH))));
			}
		}
		catch (ServiceUnavailable ex) {
			return 0;
		}
		int count = 0;
		for (Map.Entry<ClientSession, String> entry : watched.entrySet()) {
			if (!alive.contains(entry.getValue()) && this.tokens.remove(entry.getKey(), entry.getValue())) {
				entry.getKey().close(RealtimeHandler.UNAUTHORIZED);
				count++;
			}
		}
		this.closed.increment(count);
		return count;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
