package dev.carrier.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a bench message reaches the stack ({@code --send-over}): through the gateway either
 * as a send frame on a socket of the sending user (one {@link SocketSender} per user) or
 * as the POST; straight to chat-service always as the POST, which has no socket there.
 * Each send is prepared before its clock starts, as the POST's request always was, so
 * building it is never part of the latency.
 */
final class SendChannel {

	/** A send ready to go: the reply the POST gives, or the socket's answer as one. */
	@FunctionalInterface
	interface PreparedSend {

		Api.Reply exchange();

	}

	/**
	 * Sockets opened at once, below the gateway's bulkhead of 25, as {@link WebSockets}.
	 */
	private static final int PARALLEL_CONNECTS = 16;

	private final Api api;

	private final Options.SendOver throughGateway;

	private final Map<String, SocketSender> sockets = new ConcurrentHashMap<>();

	private final Semaphore connecting = new Semaphore(PARALLEL_CONNECTS);

	private final AtomicInteger opened = new AtomicInteger();

	private HttpClient socketClient;

	SendChannel(Api api, Options.SendOver throughGateway) {
		this.api = api;
		this.throughGateway = throughGateway;
	}

	/** Bench message {@code id} from {@code from} to chat {@code chatId}. */
	PreparedSend prepare(SendTarget target, String marker, int sender, String chatId, Accounts.User from, int id) {
		if (target instanceof SendTarget.ThroughGateway gateway && throughGateway == Options.SendOver.SOCKET) {
			String clientMessageId = SendTarget.clientMessageId(marker, id);
			String frame = SendFrame.json(chatId, clientMessageId, SendTarget.text(marker, id));
			SocketSender socket = sockets.computeIfAbsent(from.id(),
					user -> new SocketSender(() -> SendSocket.open(socketClient(), gateway.socket(), from.token()),
							connecting, opened));
			return () -> socket.send(frame, clientMessageId);
		}
		HttpRequest request = target.request(marker, sender, chatId, from, id);
		return () -> api.exchange(request);
	}

	private synchronized HttpClient socketClient() {
		if (socketClient == null) {
			socketClient = WebSockets.client();
		}
		return socketClient;
	}

	/**
	 * Closes the sending sockets (before the memory after the load is read) and, when
	 * there were any, records how many were opened: more than one per user means some
	 * closed or failed during the run, and the sends waiting on them failed.
	 */
	void closeAndRecord(Report report) {
		sockets.values().forEach(SocketSender::close);
		if (throughGateway != Options.SendOver.SOCKET) {
			return;
		}
		int users = sockets.size();
		int reopened = opened.get() - users;
		report.put("sendSockets", Report.object("users", users, "opened", opened.get()));
		Bench.log("%d sending sockets opened for %d users, closed", opened.get(), users);
		if (reopened > 0) {
			report.note(String
				.format("%d sending socket(s) closed or failed during the run and were opened again; the sends waiting "
						+ "on them are among the transport failures", reopened));
		}
	}

}
