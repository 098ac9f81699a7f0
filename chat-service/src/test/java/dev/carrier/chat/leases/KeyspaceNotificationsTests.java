package dev.carrier.chat.leases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyspaceNotificationsTests {

	@Test
	void addsExpiredKeyEventsAndKeepsExistingFlags() {
		assertThat(KeyspaceNotifications.withExpiredEvents("")).isEqualTo("Ex");
		assertThat(KeyspaceNotifications.withExpiredEvents("Kg")).isEqualTo("KgEx");
		assertThat(KeyspaceNotifications.withExpiredEvents("xE")).isEqualTo("xE");
		assertThat(KeyspaceNotifications.withExpiredEvents("AK")).isEqualTo("AKE");
	}

}
