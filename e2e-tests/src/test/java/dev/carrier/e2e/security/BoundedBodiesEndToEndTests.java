package dev.carrier.e2e.security;

import static dev.carrier.e2e.support.CarrierApi.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.TestUser;

/**
 * The attack: a request body streamed without a Content-Length (chunked), far past every
 * limit, through the gateway and straight at a service's own port. Expected: 413 problem
 * documents (or, on a service port without an identity, a 401 before the body is read),
 * never an unbounded read.
 */
class BoundedBodiesEndToEndTests {

	private static final URI AUTH = URI.create(env("CARRIER_AUTH_URL", "http://127.0.0.1:8081"));

	/** Far past the gateway's 2 MB and every service's own limit. */
	private static final long HUGE = 60L * 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aHugeChunkedBodyThroughTheGatewayIsRefusedWith413() throws Exception {
		TestUser sender = TestUser.signUp("streamer");
		TestUser friend = TestUser.signUp("friend");
		String chatId = Chats.create(sender, List.of(friend.username()), null).path("id").asString();

		HttpResponse<String> message = stream(CarrierApi.BASE.resolve("/api/chats/" + chatId + "/messages"),
				"Bearer " + sender.token());
		HttpResponse<String> login = stream(CarrierApi.BASE.resolve("/api/auth/login"), null);

		assertTooLarge(message);
		assertTooLarge(login);
		assertThat(CarrierApi.get("/api/chats/" + chatId + "/messages", sender.token()).json().path("messages"))
			.isEmpty();
	}

	@Test
	void aHugeChunkedBodyAtAServicesOwnPortIsRefused() throws Exception {
		assertTooLarge(stream(AUTH.resolve("/api/auth/login"), null));
		assertTooLarge(stream(AUTH.resolve("/api/auth/signup"), null));
		// chat-service and persistence-service take no body without an identity or a
		// service
		// credential (ServicesTrustOnlyTheGatewayEndToEndTests); their 413 for a caller
		// that has one
		// is proven by their own BodySizeLimitIntegrationTests
	}

	/**
	 * POSTs {@link #HUGE} bytes of JSON-looking filler with no Content-Length, as a
	 * streaming client.
	 */
	private static HttpResponse<String> stream(URI uri, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(Filler::new));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return HTTP.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException reset) {
			throw new AssertionError("connection reset while streaming to " + uri + " (expected a 413 answer)", reset);
		}
	}

	private static void assertTooLarge(HttpResponse<String> reply) {
		String what = reply.request().method() + " " + reply.uri();
		assertThat(reply.statusCode()).as(what + ": " + reply.body()).isEqualTo(413);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).as(what)
			.startsWith("application/problem+json");
	}

	/** {"text":"xxxx… without end, up to {@link #HUGE} bytes. */
	private static final class Filler extends InputStream {

		private long left = HUGE;

		private int headerAt = 0;

		private static final byte[] HEADER = "{\"text\":\"".getBytes();

		@Override
		public int read() {
			if (this.left-- <= 0) {
				return -1;
			}
			return (this.headerAt < HEADER.length) ? HEADER[this.headerAt++] : 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			for (int i = 0; i < n; i++) {
				buffer[offset + i] = (byte) read();
			}
			return n;
		}

	}

}
