package dev.carrier.auth.events;

/** Every Kafka topic auth-service touches (docs/architecture.md, "Kafka topics"). */
public final class Topics {

	public static final String USER_CHANGED = "carrier.auth.user-changed";

	public static final String AVATAR_UPLOADED = "carrier.auth.avatar-uploaded";

	private Topics() {
	}

}
