package dev.carrier.gateway.feeds;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import reactor.core.Disposable;

/**
 * The feeds to the chat-service instances last discovered: one kept open to each, a feed
 * to an instance no longer listed closed, one to a new instance opened; the feeds of
 * instances still listed are left as they are.
 */
final class DiscoveredFeeds implements Disposable {

	private final Function<URI, Disposable> open;

	private final Map<URI, Disposable> feeds = new LinkedHashMap<>();

	private boolean disposed;

	/** {@code open} keeps a feed open until the returned handle is disposed. */
	DiscoveredFeeds(Function<URI, Disposable> open) {
		this.open = open;
	}

	/** Keeps a feed open to each of {@code instances} (feed URIs), and to no other. */
	synchronized void keep(Collection<URI> instances) {
		if (this.disposed) {
			return;
		}
		this.feeds.entrySet().removeIf((feed) -> {
			boolean gone = !instances.contains(feed.getKey());
			if (gone) {
				feed.getValue().dispose();
			}
			return gone;
		});
		instances.forEach((instance) -> this.feeds.computeIfAbsent(instance, this.open));
	}

	/** The instances a feed is kept open to. */
	synchronized Set<URI> instances() {
		return Set.copyOf(this.feeds.keySet());
	}

	@Override
	public synchronized void dispose() {
		this.disposed = true;
		this.feeds.values().forEach(Disposable::dispose);
		this.feeds.clear();
	}

	@Override
	public synchronized boolean isDisposed() {
		return this.disposed;
	}

}
