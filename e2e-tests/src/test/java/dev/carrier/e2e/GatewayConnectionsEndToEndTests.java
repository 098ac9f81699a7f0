package dev.carrier.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.TestUser;
import org.junit.jupiter.api.Test;

/** Keep-alive connections through the gateway, as a browser uses them. */
class GatewayConnectionsEndToEndTests {

	/**
	 * A browser loads the page, one call is refused by the gateway itself, and the next
	 * call must still be answered. On one keep-alive connection that next call used to go
	 * unanswered about half of the time; the gateway now closes the connection after a
	 * refusal it writes itself.
	 */
	@Test
	void aCallAfterThePageAndARefusalIsAnsweredOnTheSameClient() throws Exception {
		TestUser user = TestUser.signUp("keepalive");
		try (HttpClient browserLike = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			for (int round = 0; round < 20; round++) {
				List<Integer> statuses = List.of(status(browserLike, "/", null),
						status(browserLike, "/api/nope", user.token()),
						status(browserLike, "/api/users/me", user.token()));

				assertThat(statuses).as("round %d", round).containsExactly(200, 404, 200);
			}
		}
	}

	/**
	 * The status, or an exception if no answer came within 5 s (it used to never come).
	 */
	private static int status(HttpClient client, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(CarrierApi.BASE.resolve(path))
			.timeout(Duration.ofSeconds(5));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.GET().build(), BodyHandlers.discarding()).statusCode();
	}

}
