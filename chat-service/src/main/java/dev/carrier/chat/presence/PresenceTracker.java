package dev.carrier.chat.presence;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.realtime.LocalDelivery;
import dev.carrier.chat.realtime.UserConnected;
import dev.carrier.chat.realtime.UserDisconnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's part of presence: an entry for each user with a socket here, made on
 * their first socket, renewed every heartbeat and removed with their last socket (so a
 * logout is seen within the session check that closes the socket). An instance that dies
 * stops renewing; its entries lapse after the TTL, and the sweep that every instance runs
 * takes those users offline. Redis failures are logged, never passed to the socket:
 * presence is a hint, and the next heartbeat repairs it.
 */
@Component
class PresenceTracker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

	/**
	 * This process: a restarted instance is a new one, its predecessor's entries lapse.
	 */
	private final String instanceId = UUID.randomUUID().toString();

	/** Made at each start: a stopped context (a paused test context) may start again. */
	private volatile ScheduledExecutorService scheduler;

	private final PresenceStore store;

	private final PresenceAnnouncer announcer;

	private final LocalDelivery sockets;

	private final PresenceProperties settings;

	private volatile boolean running;

	PresenceTracker(PresenceStore store, PresenceAnnouncer announcer, LocalDelivery sockets,
			PresenceProperties settings) {
		this.store = store;
		this.announcer = announcer;
		this.sockets = sockets;
		this.settings = settings;
	}

	@EventListener
	void connected(UserConnected event) {
		refresh(event.userId());
	}

	@EventListener
	void disconnected(UserDisconnected event) {
		try {
			if (this.store.release(event.userId(), this.instanceId, Instant.now())) {
				this.announcer.changed(event.userId());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not release the presence of {} (it lapses instead): {}", event.userId(), ex.toString());
		}
	}

	private void refresh(String userId) {
		try {
			Instant now = Instant.now();
			if (this.store.refresh(userId, this.instanceId, now, now.plus(this.settings.ttl()))) {
				this.announcer.changed(userId);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the presence of {}: {}", userId, ex.toString());
		}
	}

	/**
	 * Renews the entry of every user with a socket here (and restores one Redis lost).
	 */
	void heartbeat() {
		this.sockets.connectedUsers().forEach(this::refresh);
	}

	/**
	 * Takes offline the users whose every entry lapsed; each is announced by one sweeper.
	 */
	void sweep() {
		Instant now = Instant.now();
		for (String userId : this.store.lapsedBy(now)) {
			if (this.store.lapse(userId, now)) {
				this.announcer.changed(userId);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("presence").daemon().factory());
		long beat = this.settings.heartbeatInterval().toMillis();
		long sweep = this.settings.sweepInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), beat, beat,
				TimeUnit.MILLISECONDS);
		this.scheduler.scheduleWithFixedDelay(() -> guarded("sweep", this::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
	}

	private static void guarded(String what, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.warn("Presence {} failed: {}", what, ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * A shutdown takes this instance's users offline at once instead of after the TTL; in
	 * the first lifecycle phase to stop, before the web server and Redis.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.scheduler.shutdownNow();
		Instant now = Instant.now();
		for (String userId : this.sockets.connectedUsers()) {
			try {
				if (this.store.release(userId, this.instanceId, now)) {
					this.announcer.changed(userId);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Could not release the presence of {} at shutdown: {}", userId, ex.toString());
			}
		}
	}

}
