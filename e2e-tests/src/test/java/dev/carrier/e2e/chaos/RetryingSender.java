package dev.carrier.e2e.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import dev.carrier.e2e.support.CarrierApi;
import dev.carrier.e2e.support.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * The load of one phase, as a patient client makes it: each message is retried with the
 * same clientMessageId until it is acknowledged or its deadline passes, a dead session is
 * replaced by a fresh login, and every failed try is counted by how it was answered.
 */
final class RetryingSender {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private RetryingSender() {
	}

	static void sendUntilStopped(Phase phase, Sender sender, int number) {
		int n = 0;
		while (!phase.stopping) {
			n++;
			String text = phase.tag + number + " " + n;
			String clientMessageId = UUID.randomUUID().toString();
			phase.texts.add(text);
			long deadline = System.nanoTime() + ChaosSettings.MESSAGE_DEADLINE.toNanos();
			while (true) {
				phase.attempts.increment();
				Attempt attempt = send(sender, text, clientMessageId);
				if (attempt.status() == 201) {
					JsonNode message = attempt.body().get("message");
					String id = message.get("id").asString();
					phase.acknowledged.put(id, text);
					phase.acks.add(new Ack(number, n, id, message.path("seq").asLong(-1)));
					break;
				}
				classify(phase, attempt);
				if (attempt.status() == 401) {
					logInAgain(phase, sender);
				}
				if (System.nanoTime() > deadline || phase.aborted) {
					phase.gaveUp.increment();
					break;
				}
				Pause.millis(250);
			}
		}
	}

	private static Attempt send(Sender sender, String text, String clientMessageId) {
		String json = CarrierApi.JSON.writeValueAsString(Map.of("text", text, "clientMessageId", clientMessageId));
		HttpRequest request = HttpRequest
			.newBuilder(CarrierApi.BASE.resolve("/api/chats/" + sender.chatId() + "/messages"))
			.timeout(ChaosSettings.CLIENT_TIMEOUT)
			.header("Authorization", "Bearer " + sender.token().get())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build();
		try {
			var response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode body = null;
			try {
				body = CarrierApi.JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				// not JSON; classified below
			}
			return new Attempt(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
					response.body(), false);
		}
		catch (HttpTimeoutException ex) {
			return new Attempt(-1, null, "", ex.toString(), true);
		}
		catch (IOException ex) {
			return new Attempt(-1, null, "", ex.toString(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void classify(Phase phase, Attempt attempt) {
		if (attempt.timedOut()) {
			phase.hung.increment();
			return;
		}
		if (attempt.status() == -1) {
			phase.refused.increment();
			return;
		}
		phase.statuses.computeIfAbsent(attempt.status(), k -> new LongAdder()).increment();
		boolean problem = attempt.contentType().startsWith("application/problem+json") && attempt.body() != null
				&& attempt.body().path("status").asInt() == attempt.status();
		if (problem) {
			phase.problems.increment();
		}
		else {
			phase.notProblems.increment();
			if (phase.oddAnswers.size() < 5) {
				phase.oddAnswers.add(attempt.status() + " " + attempt.contentType() + " "
						+ attempt.text().substring(0, Math.min(200, attempt.text().length())));
			}
		}
	}

	/**
	 * After Redis loses the sessions (or a password is changed) the sender logs in again,
	 * once per death.
	 */
	private static void logInAgain(Phase phase, Sender sender) {
		synchronized (sender) {
			String current = sender.token().get();
			var me = CarrierApi.get("/api/users/me", current);
			if (me.status() != 401) {
				return;
			}
			var login = CarrierApi.post("/api/auth/login", null,
					Map.of("login", sender.user().username(), "password", TestUser.PASSWORD));
			if (login.status() == 200) {
				sender.token().set(login.json().get("token").asString());
				phase.relogins.increment();
			}
		}
	}

}
