package dev.carrier.gateway.feeds;

import java.net.URI;
import java.util.List;

import dev.carrier.gateway.routing.ServicesProperties;
import dev.carrier.gateway.trust.Assertions;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
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
		if (this.properties.enabled()) {
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
					.doFinally((signal) -> log.info("Feed from {} lost ({}); opening it again", feed, signal));
			})
			.then();
	}

	static URI feedUri(URI instance) {
		String scheme = "https".equalsIgnoreCase(instance.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + instance.getRawAuthority() + FEED_PATH);
	}

}
