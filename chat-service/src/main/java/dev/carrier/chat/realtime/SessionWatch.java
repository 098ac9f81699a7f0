package dev.carrier.chat.realtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
 * of an end. auth-service's notice of an ended session ({@link SessionEndNotices}) closes
 * its sockets at once, before the next check: a socket sends messages, so it must stop
 * when the session does, as the gateway's token check stops the POST.
 */
@Component
class SessionWatch implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionWatch.class);

	private static final int BATCH = 1000;

	private final Map<ClientSession, Watched> watched = new ConcurrentHashMap<>();

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
		this.watched.put(client, new Watched(token, hash(token)));
	}

	void forget(ClientSession client) {
		this.watched.remove(client);
	}

	/**
	 * auth-service ended the session whose token has this SHA-256 (hex): its sockets here
	 * close now, on the watch's own thread (the notice's thread only hands it off).
	 */
	void sessionEnded(String tokenHash) {
		this.scheduler.execute(() -> closeSocketsOf(tokenHash));
	}

	/**
	 * auth-service lost its session store, so any session may have ended: check them all
	 * now rather than at the next interval.
	 */
	void everySessionMayHaveEnded() {
		this.scheduler.execute(this::closeEndedSessions);
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
	int closeSocketsOf(String tokenHash) {
		return close(Map.copyOf(this.watched), (watch) -> watch.hash().equals(tokenHash));
	}

	/**
	 * @return how many sockets were closed
	 */
	int closeEndedSessions() {
		// only the sockets of this snapshot are judged: one watched after it was taken
		// has a token the answer cannot mention, and must not be closed for that
		Map<ClientSession, Watched> snapshot = Map.copyOf(this.watched);
		if (snapshot.isEmpty()) {
			return 0;
		}
		List<String> distinct = new ArrayList<>(new HashSet<>(snapshot.values().stream().map(Watched::token).toList()));
		Set<String> alive = new HashSet<>();
		try {
			for (int from = 0; from < distinct.size(); from += BATCH) {
				alive.addAll(this.auth.aliveTokens(distinct.subList(from, Math.min(distinct.size(), from + BATCH))));
			}
		}
		catch (ServiceUnavailable ex) {
			return 0;
		}
		return close(snapshot, (watch) -> !alive.contains(watch.token()));
	}

	private int close(Map<ClientSession, Watched> snapshot, Predicate<Watched> ended) {
		int count = 0;
		for (Map.Entry<ClientSession, Watched> entry : snapshot.entrySet()) {
			if (ended.test(entry.getValue()) && this.watched.remove(entry.getKey(), entry.getValue())) {
				entry.getKey().close(RealtimeHandler.UNAUTHORIZED);
				count++;
			}
		}
		this.closed.increment(count);
		return count;
	}

	/** How auth-service names a session: the SHA-256 of its token, in hex. */
	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	/** A socket's token, and its hash as auth-service's notices name it. */
	private record Watched(String token, String hash) {
	}

}
