package dev.carrier.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sends junk frames over the gateway's WebSocket, before and after authentication, and
 * has the judge look at how the server closes each socket.
 */
final class WebSocketJunk {

	/**
	 * The WebSocket message limit: chat-service's carrier.realtime.max-frame-size and
	 * Netty's default in the gateway.
	 */
	private static final int MAX_FRAME_BYTES = 64 * 1024;

	private final Judge judge;

	private final String fuzzerToken;

	private final LongAdder frames = new LongAdder();

	WebSocketJunk(Judge judge, String fuzzerToken) {
		this.judge = judge;
		this.fuzzerToken = fuzzerToken;
	}

	long framesSent() {
		return frames.sum();
	}

	void send(List<String> frames, List<String> preAuthFrames) {
		// Before auth: junk as the first frame must end in a refusal, never an internal
		// error.
		for (String frame : preAuthFrames.stream()
			.filter(f -> StandardCharsets.UTF_8.newEncoder().canEncode(f))
			.limit(1)
			.toList()) {
			try (JunkSocket socket = JunkSocket.open()) {
				socket.sendText(frame);
				this.frames.increment();
				socket.awaitClose(Duration.ofMillis(1500));
				judge.record("ws-preauth", socket.closeCode() == -1 ? "ws open" : "ws close " + socket.closeCode());
				if (!(oversize(frame) && socket.closeCode() == 1006)) {
					judge.checkCloseCode("pre-auth frame " + Shown.abbreviate(frame, 80), socket.closeCode());
				}
			}
		}
		JunkSocket socket = JunkSocket.authenticated(fuzzerToken);
		List<JunkSocket> used = new ArrayList<>(List.of(socket));
		try {
			for (String frame : frames) {
				if (!StandardCharsets.UTF_8.newEncoder().canEncode(frame)) {
					continue; // a lone surrogate cannot even leave the client
				}
				if (socket.closeCode() != -1) {
					socket = JunkSocket.authenticated(fuzzerToken);
					used.add(socket);
				}
				socket.sendText(frame);
				this.frames.increment();
				socket.awaitClose(Duration.ofMillis(20));
				judge.record("ws", socket.closeCode() == -1 ? "ws open" : "ws close " + socket.closeCode());
				if (!(oversize(frame) && socket.closeCode() == 1006)) {
					judge.checkCloseCode("frame " + Shown.abbreviate(frame, 80), socket.closeCode());
				}
			}
			judgeSendAnswers(socket, used, frames);
		}
		finally {
			socket.close();
		}
	}

	/**
	 * Every answer to a send: the socket still open answers each of its sends (awaited,
	 * since a stored one would take a moment longer), a closed one what it managed to.
	 */
	private void judgeSendAnswers(JunkSocket open, List<JunkSocket> used, List<String> frames) {
		if (open.closeCode() == -1 && used.size() == 1) {
			long sends = frames.stream()
				.filter(f -> StandardCharsets.UTF_8.newEncoder().canEncode(f))
				.filter(f -> f.startsWith("{\"type\":\"send\""))
				.count();
			try {
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> open.sendAnswers().size() >= sends);
			}
			catch (ConditionTimeoutException ex) {
				judge.violation("ws: " + (sends - open.sendAnswers().size()) + " of " + sends
						+ " sends left unanswered on an open socket");
			}
		}
		for (JunkSocket socket : used) {
			socket.sendAnswers().forEach(judge::checkSendAnswer);
		}
	}

	/**
	 * Above the 64 KB frame limit the server may refuse by closing the connection, as it
	 * may for an oversize HTTP body ({@link Strictness#MAY_CLOSE}): it sends its close
	 * frame and drops the rest of the frame, and a client still writing can see the reset
	 * before that close frame.
	 */
	private static boolean oversize(String frame) {
		return frame.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
	}

}
