package dev.carrier.auth.events;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of auth-service's events, as the service's own JSON mapper writes them: what
 * persistence-service reads (its {@code events.UserChanged} and
 * {@code events.AvatarUploaded}).
 */
@JsonTest
class EventJsonTests {

	private static final UUID EVENT_ID = UUID.fromString("0b7e6f2c-6d0e-4f5a-9a51-3f1c2d4e5f60");

	private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

	private static final Instant UPDATED = Instant.parse("2026-01-03T04:05:06.123Z");

	@Autowired
	JsonMapper json;

	@Test
	void userChangedCarriesTheWholeUserUnderUserWithInstantsAsIsoText() {
		UserChanged event = new UserChanged(EVENT_ID, UPDATED, new UserChanged.Snapshot("u-1", "alice",
				"alice@example.com", "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==", "preset:fox", 3, CREATED, UPDATED));

		JsonNode tree = this.json.readTree(this.json.writeValueAsString(event));

		assertThat(tree.get("eventId").asString()).isEqualTo(EVENT_ID.toString());
		assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-01-03T04:05:06.123Z");
		JsonNode user = tree.get("user");
		assertThat(user.get("id").asString()).isEqualTo("u-1");
		assertThat(user.get("username").asString()).isEqualTo("alice");
		assertThat(user.get("email").asString()).isEqualTo("alice@example.com");
		assertThat(user.get("passwordHash").asString()).startsWith("pbkdf2-sha256$");
		assertThat(user.get("avatar").asString()).isEqualTo("preset:fox");
		assertThat(user.get("avatarVersion").asLong()).isEqualTo(3);
		assertThat(user.get("createdAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
		assertThat(user.get("updatedAt").asString()).isEqualTo("2026-01-03T04:05:06.123Z");
	}

	@Test
	void aUserWithoutAvatarSaysSoWithNull() {
		UserChanged event = new UserChanged(EVENT_ID, UPDATED,
				new UserChanged.Snapshot("u-1", "alice", "alice@example.com", "hash", null, 0, CREATED, UPDATED));

		assertThat(this.json.readTree(this.json.writeValueAsString(event)).get("user").get("avatar").isNull()).isTrue();
	}

	@Test
	void avatarUploadedCarriesTheRenditionAsBase64() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		AvatarUploaded event = new AvatarUploaded(EVENT_ID, UPDATED, "u-1", "image/png", 4,
				Base64.getEncoder().encodeToString(png));

		JsonNode tree = this.json.readTree(this.json.writeValueAsString(event));

		assertThat(tree.get("userId").asString()).isEqualTo("u-1");
		assertThat(tree.get("contentType").asString()).isEqualTo("image/png");
		assertThat(tree.get("version").asLong()).isEqualTo(4);
		assertThat(Base64.getDecoder().decode(tree.get("bytesBase64").asString())).isEqualTo(png);
	}

	@Test
	void neitherEventShowsThePasswordHashOrTheBytesWhenLogged() {
		UserChanged changed = new UserChanged(EVENT_ID, UPDATED, new UserChanged.Snapshot("u-1", "alice",
				"alice@example.com", "secret-hash", null, 0, CREATED, UPDATED));
		AvatarUploaded uploaded = new AvatarUploaded(EVENT_ID, UPDATED, "u-1", "image/png", 4, "c2VjcmV0LWJ5dGVz");

		assertThat(changed.toString()).doesNotContain("secret-hash");
		assertThat(uploaded.toString()).doesNotContain("c2VjcmV0LWJ5dGVz");
	}

}
