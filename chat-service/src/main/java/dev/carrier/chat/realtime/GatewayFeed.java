package dev.carrier.chat.realtime;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One gateway's feed into this instance: the connection over which this instance sends
 * every frame for the client sockets that came through that gateway (issue 17). A frame
 * for twenty of them is one write here instead of twenty, and the gateway copies it to
 * each client without decoding a proxied frame. Frames go out in the order they were
 * queued, so each socket's frames keep their order ({@code ready} first).
 * <p>
 * A frame the gateway never got would be a hole in its clients' streams, so nothing is
 * dropped quietly: when the feed breaks, or the gateway falls {@value #MAX_QUEUED_FRAMES}
 * frames behind, the feed is closed with every client socket attached to it, and those
 * clients reconnect and catch up, as after any lost socket.
 */
final class GatewayFeed {

	private static final Logger log = LoggerFactory.getLogger(GatewayFeed.class);

	/**
	 * About ten seconds of the busiest fan-out measured (1,100 messages a second to
	 * twenty sockets each, one feed frame per message): a gateway this far behind is not
	 * reading its feed.
	 */
	static final int MAX_QUEUED_FRAMES = 10_000;

	private final String id;

	private final WebSocketSession session;

	private final SerialWriter<BinaryMessage> out;

	private final Set<ClientSession> attached = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	GatewayFeed(String id, WebSocketSession session, Executor executor) {
		this.id = id;
		this.session = session;
		this.out = new SerialWriter<>(executor, session::sendMessage, batched(session), (ex) -> {
			log.warn("The feed of gateway {} broke: {}", id, ex.toString());
			close(CloseStatus.SESSION_NOT_RELIABLE);
		});
	}

	/**
	 * Lets the container gather the frames of one drain and send them in one write,
	 * instead of one system call each, here and where the gateway reads them (README,
	 * Performance); the writer flushes when the queue runs empty, and a close flushes
	 * first. A session that is not the container's own writes each frame as before.
	 */
	private static SerialWriter.Flush batched(WebSocketSession session) {
		Session container = (session instanceof NativeWebSocketSession nativeSession)
				? nativeSession.getNativeSession(Session.class) : null;
		if (container == null) {
			return SerialWriter.Flush.NONE;
		}
		RemoteEndpoint.Basic remote = container.getBasicRemote();
		try {
			remote.setBatchingAllowed(true);
		}
		catch (IOException ex) {
			// turning batching on writes nothing; should it fail, frames go one by one
			return SerialWriter.Flush.NONE;
		}
		return remote::flushBatch;
	}

	String id() {
		return this.id;
	}

	/**
	 * A client socket that came through this feed's gateway gets its frames here from now
	 * on; false if the feed has already closed (the socket is then closed too).
	 */
	boolean attach(ClientSession client) {
		this.attached.add(client);
		if (this.closed) {
			this.attached.remove(client);
			return false;
		}
		return true;
	}

	void detach(ClientSession client) {
		this.attached.remove(client);
	}

	/** One frame for {@code count} of this feed's sockets. */
	void deliver(long[] sockets, int count, byte[] frame, boolean hint) {
		deliver(sockets, count, frame, hint, false);
	}

	/**
	 * One frame for one socket; with {@code callerWrites}, from a thread that may wait
	 * for the feed's connection and writes it itself when no writer runs
	 * ({@link SerialWriter#addAndWrite}).
	 */
	void deliver(long socket, byte[] frame, boolean callerWrites) {
		deliver(new long[] { socket }, 1, frame, false, callerWrites);
	}

	private void deliver(long[] sockets, int count, byte[] frame, boolean hint, boolean callerWrites) {
		if (this.closed) {
			return;
		}
		BinaryMessage feedFrame = FeedFrame.of(hint, sockets, count, frame);
		boolean queued = callerWrites ? this.out.addAndWrite(feedFrame, MAX_QUEUED_FRAMES)
				: this.out.add(feedFrame, MAX_QUEUED_FRAMES);
		if (!queued) {
			log.warn("Closing the feed of gateway {}: {} frames wait for it", this.id, MAX_QUEUED_FRAMES);
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	/**
	 * Closes the feed's connection, if still open, and every socket attached to it; their
	 * clients reconnect.
	 */
	void close(CloseStatus status) {
		this.closed = true;
		this.out.clear();
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the feed of gateway {} failed: {}", this.id, ex.toString());
		}
		for (ClientSession client : this.attached) {
			client.close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		this.attached.clear();
	}

}
