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
	void ordinaryPathsPass() {
		assertThat(PathGuardFilter.isAmbiguous("/api/chats/c1/messages")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/assets/app-3f9a1c.js")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/api/users/u1/avatar")).isFalse();
		assertThat(PathGuardFilter.isAmbiguous("/")).isFalse();
	}

}
