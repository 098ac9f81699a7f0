package dev.carrier.auth.web;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.carrier.auth.support.Api;
import dev.carrier.auth.support.Api.Response;
import dev.carrier.auth.support.Api.Session;
import dev.carrier.auth.support.AuthIntegrationTest;
import dev.carrier.auth.support.Images;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body without a Content-Length is held to the same limit as one with it: 413, a
 * problem.
 */
class ChunkedBodyLimitIntegrationTests extends AuthIntegrationTest {

	@Test
	void aChunkedJsonBodyPastTheLimitIs413AndCreatesNothing() {
		String name = Api.uniqueName();
		byte[] json = "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\",\"padding\":\"%s\"}"
			.formatted(name, name, PASSWORD, "x".repeat(70 * 1024))
			.getBytes();
		Response refused = this.api.call("POST", "/api/auth/signup").chunked("application/json", json).send();
		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString()).contains("65536 bytes");
		assertThat(this.api.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"%s\"}".formatted(name, PASSWORD))
			.status()).isEqualTo(401);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadAsUsual() {
		String name = Api.uniqueName();
		byte[] json = "{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"%s\"}"
			.formatted(name, name, PASSWORD)
			.getBytes();
		Response created = this.api.call("POST", "/api/auth/signup").chunked("application/json", json).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(this.api.login(name, PASSWORD).username()).isEqualTo(name);
	}

	@Test
	void avatarsHaveTheirOwnLargerLimitChunkedOrNot() {
		Session session = this.api.newSession(PASSWORD);
		byte[] overMebibyte = Arrays.copyOf(Images.PNG, 1024 * 1024 + 1);
		Response chunked = this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.chunked("image/png", overMebibyte)
			.send();
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
		assertThat(chunked.header("Content-Type")).startsWith("application/problem+json");
		byte[] underMebibyte = Images.pngOfSize(200 * 1024);
		assertThat(this.api.call("PUT", "/api/users/me/avatar")
			.as(session)
			.chunked("image/png", underMebibyte)
			.send()
			.status()).isEqualTo(200);
	}

}
