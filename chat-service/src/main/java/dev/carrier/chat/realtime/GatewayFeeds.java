package dev.carrier.chat.realtime;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import dev.carrier.chat.trust.Assertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code /internal/feed}: the gateways' feeds ({@link GatewayFeed}), one per gateway, and
 * which of them a client socket's frames take. A gateway opens its feed with its service
 * credential ({@code CallerTrustFilter} refuses {@code /internal/**} without one) and the
 * feed's id in {@value #FEED_HEADER}; it names each client socket it proxies in
 * {@value #SOCKET_HEADER} ({@code <feed id>/<socket number>}), again with its credential.
 * A socket whose gateway has no feed here, or that came from anyone else, gets its frames
 * on its own connection, as before feeds existed. The gateway sends nothing on its feed
 * (the handler's defaults ignore it).
 */
@Component
class GatewayFeeds extends AbstractWebSocketHandler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GatewayFeeds.class);

	static final String FEED_HEADER = "X-Carrier-Feed";

	static final String SOCKET_HEADER = "X-Carrier-Socket";

	private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final Map<String, GatewayFeed> feeds = new ConcurrentHashMap<>();

	private final Map<String, GatewayFeed> bySession = new ConcurrentHashMap<>();

	private final Assertions assertions;

	private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
			Thread.ofVirtual().name("feed-writer").inheritInheritableThreadLocals(false).factory());

	GatewayFeeds(Assertions assertions) {
		this.assertions = assertions;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		String id = session.getHandshakeHeaders().getFirst(FEED_HEADER);
		if (id == null || !FEED_ID.matcher(id).matches()) {
			closeQuietly(session, CloseStatus.POLICY_VIOLATION.withReason("A feed needs its id in " + FEED_HEADER));
			return;
		}
		GatewayFeed feed = new GatewayFeed(id, session, this.writers);
		this.bySession.put(session.getId(), feed);
		GatewayFeed previous = this.feeds.put(id, feed);
		log.info("Gateway feed {} connected", id);
		if (previous != null) {
			// the gateway reconnected before this instance saw the old connection end
			previous.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		GatewayFeed feed = this.bySession.remove(session.getId());
		if (feed != null) {
			this.feeds.remove(feed.id(), feed);
			log.info("Gateway feed {} closed ({})", feed.id(), status);
			feed.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	/**
	 * The feed a client socket's frames take, and its number there: only when its
	 * handshake names a feed that is connected here and carries a service credential.
	 */
	Optional<FeedSocket> socketOf(HttpHeaders handshake) {
		String named = handshake.getFirst(SOCKET_HEADER);
		if (named == null) {
			return Optional.empty();
		}
		int slash = named.indexOf('/');
		GatewayFeed feed = (slash > 0) ? this.feeds.get(named.substring(0, slash)) : null;
		if (feed == null || this.assertions.serviceOf(handshake.getFirst(Assertions.SERVICE_HEADER)).isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new FeedSocket(feed, Long.parseLong(named.substring(slash + 1))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void destroy() {
		this.writers.shutdownNow();
	}

	private static void closeQuietly(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing feed connection {} failed: {}", session.getId(), ex.toString());
		}
	}

	/** A client socket's place on a gateway's feed. */
	record FeedSocket(GatewayFeed feed, long number) {
	}

}
