package dev.carrier.chat.realtime;

import java.util.Set;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.shared.ServiceUnavailable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which sockets a session check closes: exactly those whose session auth-service says
 * ended.
 */
class SessionWatchTests {

	private final AuthClient auth = mock(AuthClient.class);

	private final SessionWatch watch = new SessionWatch(this.auth, properties(), new SimpleMeterRegistry());

	@Test
	void onlyTheSocketsOfEndedSessionsAreClosed() {
		ClientSession ended = mock(ClientSession.class);
		ClientSession alive = mock(ClientSession.class);
		this.watch.watch(ended, "ended-token");
		this.watch.watch(alive, "alive-token");
		when(this.auth.aliveTokens(anyCollection())).thenReturn(Set.of("alive-token"));

		assertThat(this.watch.closeEndedSessions()).isEqualTo(1);

		verify(ended).close(RealtimeHandler.UNAUTHORIZED);
		verify(alive, never()).close(RealtimeHandler.UNAUTHORIZED);
		assertThat(this.watch.closeEndedSessions()).isZero();
	}

	@Test
	void aSocketWatchedWhileTheCheckIsUnderWayIsNotJudgedByIt() {
		ClientSession first = mock(ClientSession.class);
		ClientSession latecomer = mock(ClientSession.class);
		this.watch.watch(first, "first-token");
		when(this.auth.aliveTokens(anyCollection())).thenAnswer(invocation -> {
			// a socket authenticates while auth-service is being asked about the others
			this.watch.watch(latecomer, "late-token");
			return Set.of("first-token");
		});

		assertThat(this.watch.closeEndedSessions()).isZero();

		verify(latecomer, never()).close(RealtimeHandler.UNAUTHORIZED);
	}

	@Test
	void aNoticeClosesEverySocketOfThatSessionAndNoOther() {
		ClientSession phone = mock(ClientSession.class);
		ClientSession laptop = mock(ClientSession.class);
		ClientSession someoneElse = mock(ClientSession.class);
		this.watch.watch(phone, "ended-token");
		this.watch.watch(laptop, "ended-token");
		this.watch.watch(someoneElse, "other-token");

		assertThat(this.watch.closeSocketsOf(SessionWatch.hash("ended-token"))).isEqualTo(2);

		verify(phone).close(RealtimeHandler.UNAUTHORIZED);
		verify(laptop).close(RealtimeHandler.UNAUTHORIZED);
		verify(someoneElse, never()).close(RealtimeHandler.UNAUTHORIZED);
		assertThat(this.watch.closeSocketsOf(SessionWatch.hash("ended-token"))).isZero();
	}

	@Test
	void aSessionIsNamedAsAuthServiceNamesIt() {
		// SHA-256 of "abc", hex: the hash auth-service publishes for the token "abc"
		assertThat(SessionWatch.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void nothingIsClosedWhenAuthServiceCannotTell() {
		ClientSession socket = mock(ClientSession.class);
		this.watch.watch(socket, "token");
		when(this.auth.aliveTokens(anyCollection())).thenThrow(new ServiceUnavailable("auth-service is down"));

		assertThat(this.watch.closeEndedSessions()).isZero();

		verify(socket, never()).close(RealtimeHandler.UNAUTHORIZED);
	}

	private static CarrierProperties properties() {
		return new Binder(new MapConfigurationPropertySource(
				java.util.Map.of("carrier.realtime.allowed-origins", "http://localhost:8080")))
			.bind("carrier", Bindable.of(CarrierProperties.class))
			.orElseThrow(() -> new IllegalStateException("no carrier properties"));
	}

}
