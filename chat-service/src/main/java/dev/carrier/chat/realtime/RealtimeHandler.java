package dev.carrier.chat.realtime;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.SessionInfo;
import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.ServiceUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /api/ws}: authenticates the client (first frame {@code {"type":"auth","token"}}
 * or the {@code bearer.<token>} subprotocol) with auth-service, answers
 * {@code {"type":"ready"}}, then relays typing notices (at most one per chat per
 * {@code carrier.realtime.typing-interval}, the rest dropped silently) and sends messages
 * ({@code {"type":"send"}}, through {@link SocketSends}, each on a virtual thread of its
 * own, so a send waiting for Kafka holds up neither the socket's other sends nor its
 * frames); everything else reaches the client through {@link LocalDelivery}. A socket
 * that sends more frames than its budget is closed with 1008, alone. Send frames are not
 * counted against that budget: the user's request limit bounds them, with an answer
 * instead of a close.
 */
@Component
public class RealtimeHandler extends TextWebSocketHandler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RealtimeHandler.class);

	/** The token is bad or the session is over; the client must log in again. */
	static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

	/**
	 * The client stayed silent too long before authenticating; it may simply reconnect.
	 */
	static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4408, "Authentication timeout");

	/**
	 * Any other frame before authentication: a client mistake, not a dead session, so the
	 * client may reconnect instead of logging its user out.
	 */
	static final CloseStatus AUTHENTICATE_FIRST = CloseStatus.POLICY_VIOLATION.withReason("Authenticate first");

	/**
	 * The client sent far more frames than any real client does; only its own socket is
	 * closed.
	 */
	static final CloseStatus TOO_MANY_FRAMES = CloseStatus.POLICY_VIOLATION.withReason("Too many frames");

	/** A message longer than {@code carrier.realtime.max-frame-size}. */
	static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("Message too big");

	static final String BEARER_PROTOCOL_PREFIX = "bearer.";

	private static final String READY = "{\"type\":\"ready\"}";

	private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();

	private final AuthClient auth;

	private final ApplicationEventPublisher events;

	private final LocalDelivery delivery;

	private final JsonMapper json;

	private final CarrierProperties.Realtime settings;

	private final SessionWatch watch;

	private final SocketSends sends;

	private final GatewayFeeds feeds;

	private final ScheduledExecutorService timeouts = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ws-auth-timeout").factory());

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	/**
	 * Each socket's queue is written out by a virtual thread of its own while it has
	 * frames (every fan-out starts one per recipient's socket that was idle). They need
	 * nothing from the thread that starts them, which is mostly Redis's event loop, so
	 * they do not copy its inheritable thread-locals, and they share one name rather than
	 * each making a numbered one.
	 */
	private final ExecutorService frameWriters = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("ws-writer").inheritInheritableThreadLocals(false).factory());

	RealtimeHandler(AuthClient auth, ApplicationEventPublisher events, LocalDelivery delivery, JsonMapper json,
			CarrierProperties properties, SessionWatch watch, SocketSends sends, GatewayFeeds feeds) {
		this.watch = watch;
		this.feeds = feeds;
		this.sends = sends;
		this.auth = auth;
		this.events = events;
		this.delivery = delivery;
		this.json = json;
		this.settings = properties.realtime();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		GatewayFeeds.FeedSocket via = this.feeds.socketOf(session.getHandshakeHeaders()).orElse(null);
		ClientSession client = new ClientSession(session, this.settings, this.frameWriters, via);
		this.sessions.put(session.getId(), client);
		if (via != null && !via.feed().attach(client)) {
			client.close(CloseStatus.SESSION_NOT_RELIABLE);
			return;
		}
		String protocol = session.getAcceptedProtocol();
		if (protocol != null && protocol.startsWith(BEARER_PROTOCOL_PREFIX)) {
			authenticate(client, protocol.substring(BEARER_PROTOCOL_PREFIX.length()));
			return;
		}
		this.timeouts.schedule(() -> {
			if (client.userId() == null && client.isOpen()) {
				client.close(AUTH_TIMEOUT);
			}
		}, this.settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		ClientSession client = this.sessions.get(session.getId());
		if (client == null || !client.isOpen()) {
			return;
		}
		MessageParts.Added added = client.receive(message.getPayload(), message.isLast());
		if (added.outcome() == MessageParts.Outcome.TOO_BIG) {
			client.close(TOO_BIG);
			return;
		}
		if (added.outcome() == MessageParts.Outcome.INCOMPLETE) {
			return;
		}
		JsonNode frame = parse(added.message());
		String type = (frame != null) ? frame.path("type").asString("") : "";
		if (client.userId() != null && "send".equals(type)) {
			send(client, frame);
			return;
		}
		if (!client.admitFrame()) {
			log.info("Closing WebSocket session {} (user {}): more frames than its budget", session.getId(),
					client.userId());
			client.close(TOO_MANY_FRAMES);
			return;
		}
		if (client.userId() == null) {
			if (!"auth".equals(type)) {
				client.close(AUTHENTICATE_FIRST);
				return;
			}
			String token = frame.path("token").asString("");
			if (token.isEmpty()) {
				client.close(UNAUTHORIZED);
				return;
			}
			authenticate(client, token);
			return;
		}
		if ("typing".equals(type)) {
			String chatId = frame.path("chatId").asString("");
			if (Ids.isValid(chatId) && client.mayRelayTyping(chatId)) {
				// the chats feature relays it to the other members, if the user is one
				this.events.publishEvent(new TypingNoticeReceived(client.userId(), chatId));
			}
		}
	}

	/**
	 * Messages bigger than Tomcat's small per-socket buffer arrive in parts, joined by
	 * {@link MessageParts} (WebSocketConfiguration says why).
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	private JsonNode parse(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private void send(ClientSession client, JsonNode frame) {
		String userId = client.userId();
		this.senders.execute(() -> {
			String answer = this.sends.send(userId, frame);
			if (client.isOpen()) {
				client.answer(answer);
			}
		});
	}

	private void authenticate(ClientSession client, String token) {
		Optional<SessionInfo> owner;
		try {
			owner = this.auth.currentSession(token);
		}
		catch (ServiceUnavailable ex) {
			client.close(CloseStatus.SERVICE_OVERLOAD);
			return;
		}
		if (owner.isEmpty() || owner.get().userId() == null) {
			client.close(UNAUTHORIZED);
			return;
		}
		client.authenticated(owner.get().userId());
		this.watch.watch(client, token);
		// Queued before registering, so "ready" is the first frame the client sees.
		client.send(READY);
		this.delivery.register(client);
		// closed while authenticating: afterConnectionClosed came too early to take it
		// back
		if (!this.sessions.containsKey(client.id())) {
			disconnected(client);
		}
	}

	private void disconnected(ClientSession client) {
		if (client.via() != null) {
			client.via().feed().detach(client);
		}
		this.watch.forget(client);
		this.delivery.unregister(client);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Optional.ofNullable(this.sessions.remove(session.getId())).ifPresent(this::disconnected);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("WebSocket transport error on {}: {}", session.getId(), exception.toString());
	}

	@Override
	public void destroy() {
		this.timeouts.shutdownNow();
		this.senders.shutdownNow();
		this.frameWriters.shutdownNow();
	}

}
