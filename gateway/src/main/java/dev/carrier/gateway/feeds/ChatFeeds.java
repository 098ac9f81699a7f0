package dev.carrier.gateway.feeds;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.carrier.gateway.routing.ServicesProperties;
import dev.carrier.gateway.trust.Assertions;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's feed from each chat-service instance (issue 17): one WebSocket per
 * instance, over which the instance sends every frame for the client sockets this gateway
 * proxies to it, once per event however many of them it goes to. Without it, an event to
 * twenty sockets was twenty frames written by chat-service and twenty read, decoded and
 * written again by the gateway, each on its own connection. The client sockets keep their
 * upstream connections for what they send, and for their close codes.
 * <p>
 * A feed that breaks is opened again after
 * {@code carrier.websocket.feed.reconnect-delay}; meanwhile the instance closes the
 * sockets whose frames it took (their clients reconnect and catch up), and sockets that
 * open then get their frames on their own connections.
 * <p>
 * Behind one address for several instances (a Kubernetes Service), a feed opened to that
 * address would reach one instance, chosen by the Service, and the sockets on every other
 * instance would get their frames on their own connections. There
 * {@code carrier.websocket.feed.discover} names a host name that resolves to each
 * instance (a headless Service); the gateway resolves it every {@code rediscover-every}
 * and keeps one feed open to each address ({@link DiscoveredFeeds}).
 */
@Component
class ChatFeeds implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChatFeeds.class);

	static final String FEED_PATH = "/internal/feed";

	static final String FEED_HEADER = "X-Carrier-Feed";

	/** A feed frame is one event's text and its sockets' numbers. */
	private static final int MAX_FEED_FRAME = 1024 * 1024;

	private final List<URI> instances;

	private final ClientSockets sockets;

	private final Assertions assertions;

	private final FeedProperties properties;

	private final HttpClient http = HttpClient.create();

	private volatile Disposable.Composite running;

	ChatFeeds(ServicesProperties services, ClientSockets sockets, Assertions assertions, FeedProperties properties) {
		this.instances = services.chatUrl();
		this.sockets = sockets;
		this.assertions = assertions;
		this.properties = properties;
	}

	@Override
	public void start() {
		Disposable.Composite feeds = Disposables.composite();
		URI discover = this.properties.discover();
		if (this.properties.enabled() && discover != null) {
			feeds.add(keepDiscovering(discover));
		}
		else if (this.properties.enabled()) {
			this.instances.forEach((instance) -> feeds.add(keepOpen(feedUri(instance))));
		}
		this.running = feeds;
	}

	@Override
	public void stop() {
		Disposable.Composite feeds = this.running;
		this.running = null;
		if (feeds != null) {
			feeds.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Resolves {@code discover}'s host name now and every {@code rediscover-every} (on a
	 * thread that may block), and keeps a feed open to each address it gives. A lookup
	 * that fails leaves the feeds as they are: an instance that is really gone fails its
	 * feed, which is retried until a lookup no longer lists it.
	 */
	private Disposable keepDiscovering(URI discover) {
		DiscoveredFeeds feeds = new DiscoveredFeeds(this::keepOpen);
		Disposable lookups = Flux
			.interval(Duration.ZERO, this.properties.rediscoverEvery(), Schedulers.boundedElastic())
			// a lookup slower than the period skips ticks rather than failing the
			// interval
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.fromCallable(() -> instancesAt(discover))
				.doOnError((ex) -> log.warn("Could not look up chat-service's instances at {}: {}", discover,
						ex.toString()))
				.onErrorComplete())
			.subscribe(feeds::keep,
					(ex) -> log.error("Stopped looking up chat-service's instances at {}", discover, ex));
		return Disposables.composite(lookups, feeds);
	}

	/** The feed URI of each address {@code discover}'s host name resolves to now. */
	static List<URI> instancesAt(URI discover) throws UnknownHostException {
		int port = (discover.getPort() != -1) ? discover.getPort()
				: ("https".equalsIgnoreCase(discover.getScheme()) ? 443 : 80);
		return Arrays.stream(InetAddress.getAllByName(discover.getHost()))
			.map((address) -> feedUri(URI.create(discover.getScheme() + "://" + uriHost(address) + ":" + port)))
			.distinct()
			.toList();
	}

	private static String uriHost(InetAddress address) {
		return (address instanceof Inet6Address) ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
	}

	/**
	 * Opens the feed, and again each time it ends, after the reconnect delay. Only a feed
	 * that was open is logged as lost: an instance that is down fails every attempt.
	 */
	private Disposable keepOpen(URI feed) {
		return Mono.defer(() -> open(feed))
			.doOnError((ex) -> log.debug("The feed from {} failed: {}", feed, ex.toString()))
			.onErrorComplete()
			.then(Mono.delay(this.properties.reconnectDelay()))
			.repeat()
			.subscribe();
	}

	private Mono<Void> open(URI feed) {
		return this.http
			.headersWhen((headers) -> Mono
				.fromSupplier(() -> headers.set(Assertions.SERVICE_HEADER, this.assertions.serviceCredential())
					.set(FEED_HEADER, this.sockets.feedId())))
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FEED_FRAME).build())
			.uri(feed)
			.handle((in, out) -> {
				log.info("Feed from {} open", feed);
				return in.aggregateFrames(MAX_FEED_FRAME)
					.receiveFrames()
					.ofType(BinaryWebSocketFrame.class)
					.doOnNext((frame) -> this.sockets.dispatch(frame.content()))
					.doFinally((signal) -> {
						if (signal != SignalType.CANCEL) {
							log.info("Feed from {} lost ({}); opening it again", feed, signal);
						}
					});
			})
			.then();
	}

	static URI feedUri(URI instance) {
		String scheme = "https".equalsIgnoreCase(instance.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + instance.getRawAuthority() + FEED_PATH);
	}

}
