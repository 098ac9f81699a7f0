package dev.carrier.gateway.feeds;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds kept open as chat-service's instances come and go: one to each instance
 * listed, a new one opened, a gone one closed, and the feeds of instances still listed
 * never reopened (reopening one would close its sockets).
 */
class DiscoveredFeedsTests {

	private static final URI A = URI.create("ws://10.0.0.1:8082/internal/feed");

	private static final URI B = URI.create("ws://10.0.0.2:8082/internal/feed");

	private static final URI C = URI.create("ws://10.0.0.3:8082/internal/feed");

	private final List<URI> opened = new ArrayList<>();

	private final Map<URI, Disposable> open = new ConcurrentHashMap<>();

	private final DiscoveredFeeds feeds = new DiscoveredFeeds((instance) -> {
		this.opened.add(instance);
		Disposable feed = Disposables.composite();
		this.open.put(instance, feed);
		return feed;
	});

	@Test
	void aFeedIsOpenedToEachInstanceListed() {
		this.feeds.keep(List.of(A, B));

		assertThat(this.opened).containsExactly(A, B);
		assertThat(this.feeds.instances()).containsExactlyInAnyOrder(A, B);
	}

	@Test
	void aNewInstanceGetsAFeedAGoneOneLosesItsAndTheOthersAreLeftOpen() {
		this.feeds.keep(List.of(A, B));

		this.feeds.keep(List.of(B, C));

		assertThat(this.opened).containsExactly(A, B, C);
		assertThat(this.open.get(A).isDisposed()).isTrue();
		assertThat(this.open.get(B).isDisposed()).isFalse();
		assertThat(this.open.get(C).isDisposed()).isFalse();
		assertThat(this.feeds.instances()).containsExactlyInAnyOrder(B, C);
	}

	@Test
	void disposingClosesEveryFeedAndNoLookupOpensOneAfterwards() {
		this.feeds.keep(List.of(A, B));

		this.feeds.dispose();
		this.feeds.keep(List.of(C));

		assertThat(this.open.values()).allMatch(Disposable::isDisposed);
		assertThat(this.opened).containsExactly(A, B);
		assertThat(this.feeds.instances()).isEmpty();
	}

	@Test
	void eachAddressAHostNameResolvesToIsAFeedUri() throws Exception {
		assertThat(ChatFeeds.instancesAt(URI.create("http://127.0.0.1:8082")))
			.containsExactly(URI.create("ws://127.0.0.1:8082/internal/feed"));
		assertThat(ChatFeeds.instancesAt(URI.create("https://[::1]")))
			.containsExactly(URI.create("wss://[0:0:0:0:0:0:0:1]:443/internal/feed"));
	}

}
