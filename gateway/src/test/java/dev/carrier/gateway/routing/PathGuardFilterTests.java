package dev.carrier.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathGuardFilterTests {

	@Test
	void pathsThatAServiceWouldNormalizeElsewhereAreRefused() {
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/../../internal/users")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/..;/internal/users")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/%2e%2e/internal")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/x%2Finternal")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/./x")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/x\\..\\y")).isTrue();
	}

	@Test
	void controlCharactersAndInvalidUtf8AreRefused() {
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/%00/members")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/users/%FF%FE/avatar")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/c1%0a/messages")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/c1%zz")).isTrue();
		assertThat(PathGuardFilter.isAmbiguous("/api/users/%C3%A9l%C3%A8ve/avatar")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/a%20b+c")).isFalse();
	}

	@Test
	void ordinaryPathsPass() {
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/c1/messages")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/assets/app-3f9a1c.js")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/api/users/u1/avatar")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/")).isFalse();
	}

}
