package dev.carrier.e2e.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.RawHttp;

/**
 * Sends hostile requests to the gateway: with HttpClient where it will send them, byte by
 * byte over a socket where it will not; paced to the settings' rate for the fuzzer's own
 * token, and counted.
 */
final class HostileClient {

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String fuzzerToken;

	private final int userRate;

	/**
	 * When the next request with the fuzzer's token may go, in {@link System#nanoTime()}.
	 */
	private final AtomicLong nextSlot = new AtomicLong();

	private final LongAdder sent = new LongAdder();

	HostileClient(String fuzzerToken, int userRate) {
		this.fuzzerToken = fuzzerToken;
		this.userRate = userRate;
	}

	long sent() {
		return sent.sum();
	}

	Answer send(Hostile request) {
		paceUserRequests(request);
		sent.increment();
		if (request.raw()) {
			return sendRaw(request);
		}
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create(CarrierApi.BASE + request.target())).timeout(CLIENT_TIMEOUT);
			for (String[] header : request.headers()) {
				builder.header(header[0], header[1]);
			}
		}
		catch (IllegalArgumentException ex) {
			// What HttpClient will not send (odd characters, restricted headers) goes
			// over a socket.
			sent.decrement();
			return send(request.overASocket());
		}
		try {
			builder.method(request.method(),
					request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
			var response = http.send(builder.build(), BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(),
					new CarrierApi.Reply(response.statusCode(), response.headers().map(), response.body()), false,
					null);
		}
		catch (HttpTimeoutException ex) {
			return new Answer(-1, null, true, ex.toString());
		}
		catch (IOException ex) {
			return new Answer(-1, null, false, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Answer sendRaw(Hostile request) {
		StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
		head.append("Host: ").append(CarrierApi.BASE.getAuthority()).append("\r\n");
		for (String[] header : request.headers()) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		boolean hasLength = request.headers()
			.stream()
			.anyMatch(h -> h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding"));
		if (request.body() != null && !hasLength) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		head.append("Connection: close\r\n");
		RawHttp.Answer answer = RawHttp.send(head.toString(), request.body());
		return new Answer(answer.status(), answer.asReply(), answer.timedOut(), null);
	}

	private void paceUserRequests(Hostile request) {
		boolean withToken = request.headers().stream().anyMatch(h -> h[1].contains(fuzzerToken));
		if (userRate <= 0 || !withToken) {
			return;
		}
		long interval = 1_000_000_000L / userRate;
		long slot = nextSlot.accumulateAndGet(System.nanoTime(), (last, now) -> Math.max(last + interval, now));
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
	}

}
