package dev.carrier.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** A person who signed up and logged in through the gateway. */
public record TestUser(String id, String username, String email, String password, String token) {

	public static final String PASSWORD = "correct horse battery";

	/**
	 * A fresh, unique account (so tests never collide with each other or with earlier
	 * runs).
	 */
	public static TestUser signUp(String prefix) {
		String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.test";
		var signup = CarrierApi.post("/api/auth/signup", null,
				Map.of("username", username, "email", email, "password", PASSWORD));
		assertThat(signup.status()).as("signup %s: %s", username, signup).isEqualTo(201);
		return logIn(username, email, PASSWORD);
	}

	public static TestUser logIn(String username, String email, String password) {
		var login = CarrierApi.post("/api/auth/login", null, Map.of("login", username, "password", password));
		assertThat(login.status()).as("login %s: %s", username, login).isEqualTo(200);
		var body = login.json();
		return new TestUser(body.get("user").get("id").asString(), username, email, password,
				body.get("token").asString());
	}

	public TestUser loggedInAgain() {
		return logIn(username, email, password);
	}

}
