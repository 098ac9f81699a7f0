package dev.carrier.e2e;

import static dev.carrier.e2e.support.CarrierApi.post;
import static dev.carrier.e2e.support.CarrierApi.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.carrier.e2e.support.Chats;
import dev.carrier.e2e.support.EventSocket;
import dev.carrier.e2e.support.Servers;
import dev.carrier.e2e.support.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A socket lives no longer than its session: when the session ends (logout, a password
 * change for the other sessions, the loss of the session store) the server closes the
 * socket with 4401, and nothing more reaches it. The time each close took is printed (the
 * target is within 1 s).
 */
class SessionEndsEndToEndTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	@Test
	void aLogoutClosesTheSessionsSocketAndNothingMoreReachesIt() {
		TestUser ann = TestUser.signUp("ann");
		TestUser ben = TestUser.signUp("ben");
		String chatId = Chats.create(ann, List.of(ben.username()), null).get("id").asString();
		try (EventSocket annSocket = EventSocket.connect(ann.token());
				EventSocket benSocket = EventSocket.connect(ben.token())) {
			long loggedOut = System.nanoTime();
			assertThat(post("/api/auth/logout", ann.token(), null).status()).isEqualTo(204);

			Awaitility.await("ann's socket closes").atMost(BOUND).until(() -> annSocket.closeCode() != -1);
			assertThat(annSocket.closeCode()).isEqualTo(4401);
			System.out.printf("logout: socket closed %d ms after the logout answered%n",
					(annSocket.closedAtNanos() - loggedOut) / 1_000_000);
			for (int i = 1; i <= 3; i++) {
				Chats.send(ben, chatId, "after ann left " + i);
			}
			benSocket.await("ben's own third message", e -> e.toString().contains("after ann left 3"));
			assertThat(annSocket.events("message.created")).isEmpty();
			assertThat(benSocket.closeCode()).isEqualTo(-1);
		}
	}

	@Test
	void aPasswordChangeClosesTheOtherSessionsSocketsAndKeepsItsOwn() {
		TestUser cat = TestUser.signUp("cat");
		TestUser catElsewhere = cat.loggedInAgain();
		try (EventSocket here = EventSocket.connect(cat.token());
				EventSocket elsewhere = EventSocket.connect(catElsewhere.token())) {
			long changed = System.nanoTime();
			assertThat(put("/api/users/me/password", cat.token(),
					Map.of("currentPassword", TestUser.PASSWORD, "newPassword", "a new horse battery"))
				.status()).isEqualTo(204);

			Awaitility.await("the other session's socket closes")
				.atMost(BOUND)
				.until(() -> elsewhere.closeCode() != -1);
			assertThat(elsewhere.closeCode()).isEqualTo(4401);
			System.out.printf("password change: other socket closed %d ms after the change answered%n",
					(elsewhere.closedAtNanos() - changed) / 1_000_000);
			assertThat(here.closeCode()).as("the session that changed it goes on").isEqualTo(-1);
		}
	}

	@Test
	void losingTheSessionStoreClosesEverySocket() {
		TestUser dan = TestUser.signUp("dan");
		try (EventSocket socket = EventSocket.connect(dan.token())) {
			long lost = System.nanoTime();
			Servers.redisCli("FLUSHALL");

			Awaitility.await("the socket closes").atMost(BOUND).until(() -> socket.closeCode() != -1);
			assertThat(socket.closeCode()).isEqualTo(4401);
			System.out.printf("session store lost: socket closed %d ms after FLUSHALL%n",
					(socket.closedAtNanos() - lost) / 1_000_000);
		}
	}

}
