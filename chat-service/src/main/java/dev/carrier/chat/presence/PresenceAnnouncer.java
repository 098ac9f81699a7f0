package dev.carrier.chat.presence;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.realtime.Fanout;
import dev.carrier.chat.users.AuthClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Pushes a person's presence to everyone who shares a chat with them, off the socket's
 * thread and one at a time, so this instance's announcements of one person keep their
 * order. Best effort, like every push: the web app reads presence again when it
 * reconnects. A person who hides presence is announced only when they change the setting
 * (as offline, never seen), so no frame tells when they come and go.
 */
@Component
class PresenceAnnouncer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);

	private final ExecutorService queue = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("presence-announcer").factory());

	private final PresenceStore store;

	private final Contacts contacts;

	private final AuthClient auth;

	private final Fanout fanout;

	PresenceAnnouncer(PresenceStore store, Contacts contacts, AuthClient auth, Fanout fanout) {
		this.store = store;
		this.contacts = contacts;
		this.auth = auth;
		this.fanout = fanout;
	}

	/** The person came online or went offline: their state now, if they show it. */
	void changed(String userId) {
		this.queue.execute(() -> announce(userId, null));
	}

	/** The person changed the setting: their state now as others may see it. */
	void visibilityChanged(String userId, boolean visible) {
		this.queue.execute(() -> announce(userId, visible));
	}

	private void announce(String userId, Boolean visibility) {
		try {
			boolean visible = (visibility != null) ? visibility
					: this.auth.showingPresence(List.of(userId)).contains(userId);
			if (!visible && visibility == null) {
				return;
			}
			UserPresence presence = visible ? this.store.read(List.of(userId), Instant.now()).get(userId)
					: UserPresence.hidden(userId);
			this.fanout.publish(this.contacts.forPush(userId), new PresencePush(presence));
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce the presence of {}: {}", userId, ex.toString());
		}
	}

	/** Lets the announcements of a shutdown go out, for a moment. */
	@Override
	public void destroy() throws InterruptedException {
		this.queue.shutdown();
		this.queue.awaitTermination(2, TimeUnit.SECONDS);
	}

}
