package dev.carrier.e2e.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carrier.e2e.support.Servers;

/**
 * The calls of docs/api.md the attacker makes, and the rows of docs/api.md they must
 * cover.
 */
final class ContractCalls {

	/**
	 * Every call of docs/api.md. Bodies are valid, so that a missing check would let the
	 * call through. {@code %VICTIM_USERNAME%} and friends are filled in per run.
	 */
	static final List<ContractCall> ALL = List.of(new ContractCall("POST /api/auth/signup", Scope.PUBLIC, "POST",
			"/api/auth/signup",
			"{\"username\":\"%VICTIM_USERNAME%\",\"email\":\"%FRESH_EMAIL%\",\"password\":\"long enough password\"}"),
			new ContractCall("POST /api/auth/login", Scope.PUBLIC, "POST", "/api/auth/login",
					"{\"login\":\"%VICTIM_USERNAME%\",\"password\":\"not the password\"}"),
			new ContractCall("POST /api/auth/logout", Scope.SELF, "POST", "/api/auth/logout", null),
			new ContractCall("GET /api/users/me", Scope.SELF, "GET", "/api/users/me", null),
			new ContractCall("PATCH /api/users/me", Scope.SELF, "PATCH", "/api/users/me",
					"{\"username\":\"%VICTIM_USERNAME%\"}"),
			new ContractCall("PUT /api/users/me/password", Scope.SELF, "PUT", "/api/users/me/password",
					"{\"currentPassword\":\"" + AttackScene.NEW_PASSWORD
							+ "\",\"newPassword\":\"attacker chose this\"}"),
			new ContractCall("PUT /api/users/me/avatar", Scope.SELF, "PUT", "/api/users/me/avatar",
					"{\"preset\":\"fox\"}"),
			new ContractCall("GET /api/users/{id}/avatar", Scope.PUBLIC, "GET", "/api/users/{id}/avatar", null),
			new ContractCall("GET /api/users/lookup", Scope.SELF, "GET", "/api/users/lookup?q=%VICTIM_EMAIL%", null),
			new ContractCall("POST /api/chats", Scope.SELF, "POST", "/api/chats",
					"{\"members\":[\"%HELPER_USERNAME%\"]}"),
			new ContractCall("GET /api/chats", Scope.SELF, "GET", "/api/chats", null),
			new ContractCall("GET /api/chats/{chatId}", Scope.CHAT, "GET", "/api/chats/{chatId}", null),
			new ContractCall("POST /api/chats/{chatId}/members", Scope.CHAT, "POST", "/api/chats/{chatId}/members",
					"{\"members\":[\"%ATTACKER_USERNAME%\"]}"),
			new ContractCall("DELETE /api/chats/{chatId}/members/me", Scope.CHAT, "DELETE",
					"/api/chats/{chatId}/members/me", null),
			new ContractCall("POST /api/chats/{chatId}/read", Scope.CHAT, "POST", "/api/chats/{chatId}/read",
					"{\"seq\":1}"),
			new ContractCall("PUT /api/chats/{chatId}/hidden", Scope.CHAT, "PUT", "/api/chats/{chatId}/hidden",
					"{\"hidden\":true}"),
			new ContractCall("POST /api/chats/{chatId}/messages", Scope.CHAT, "POST", "/api/chats/{chatId}/messages",
					"{\"text\":\"planted by the attacker\",\"clientMessageId\":\"%FRESH_ID%\"}"),
			new ContractCall("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET", "/api/chats/{chatId}/messages",
					null),
			new ContractCall("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET",
					"/api/chats/{chatId}/messages?beforeSeq=3&limit=50", null),
			new ContractCall("GET /api/chats/{chatId}/messages", Scope.CHAT, "GET",
					"/api/chats/{chatId}/messages?afterSeq=0", null),
			new ContractCall("PATCH /api/chats/{chatId}/messages/{messageId}", Scope.MESSAGE, "PATCH",
					"/api/chats/{chatId}/messages/{messageId}", "{\"text\":\"rewritten by the attacker\"}"),
			new ContractCall("DELETE /api/chats/{chatId}/messages/{messageId}", Scope.MESSAGE, "DELETE",
					"/api/chats/{chatId}/messages/{messageId}", null),
			new ContractCall("PUT /api/chats/{chatId}/messages/{messageId}/reactions/{emoji}", Scope.MESSAGE, "PUT",
					"/api/chats/{chatId}/messages/{messageId}/reactions/%F0%9F%91%8D", null),
			new ContractCall("DELETE /api/chats/{chatId}/messages/{messageId}/reactions/{emoji}", Scope.MESSAGE,
					"DELETE", "/api/chats/{chatId}/messages/{messageId}/reactions/%F0%9F%91%8D", null),
			new ContractCall("GET /api/chats/{chatId}/export", Scope.CHAT, "GET",
					"/api/chats/{chatId}/export?format=json", null),
			new ContractCall("GET /api/chats/{chatId}/export", Scope.CHAT, "GET",
					"/api/chats/{chatId}/export?format=txt", null),
			// an upload of the attacker's into the victim's chat; reads of the victim's
			// attachment of the chat the call targets ({attachmentId}: AttackScene)
			new ContractCall("POST /api/chats/{chatId}/attachments", Scope.CHAT, "POST",
					"/api/chats/{chatId}/attachments?name=planted.txt", "planted by the attacker"),
			new ContractCall("GET /api/attachments/{id}", Scope.CHAT, "GET", "/api/attachments/{attachmentId}", null),
			new ContractCall("GET /api/attachments/{id}/thumbnail", Scope.CHAT, "GET",
					"/api/attachments/{attachmentId}/thumbnail", null),
			new ContractCall("GET /api/search", Scope.SELF, "GET", "/api/search?q=planted", null),
			new ContractCall("GET /api/users/presence", Scope.SELF, "GET", "/api/users/presence?ids={id}", null),
			new ContractCall("PUT /api/users/me/presence", Scope.SELF, "PUT", "/api/users/me/presence",
					"{\"visible\":false}"),
			new ContractCall("GET /api/ws", Scope.SELF, "GET", "/api/ws", null));

	/**
	 * {@code POST /api/auth/logout}: tried last, as it ends the session it is made with.
	 */
	static final ContractCall LOGOUT = ALL.get(2);

	private ContractCalls() {
	}

	/** The first column of every table of docs/api.md, without query strings. */
	static Set<String> contractRows() throws IOException {
		Path contract = contractFile();
		Set<String> rows = new LinkedHashSet<>();
		Pattern row = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) ([^`?]+)");
		for (String line : Files.readAllLines(contract)) {
			Matcher match = row.matcher(line);
			if (match.find()) {
				rows.add(match.group(1) + " " + match.group(2).trim());
			}
		}
		assertThat(rows).as("rows found in " + contract).hasSizeGreaterThanOrEqualTo(19);
		return rows;
	}

	/**
	 * docs/api.md of the repository under test ({@link Servers#ROOT}); missing is a
	 * failure, never a skip.
	 */
	static Path contractFile() {
		Path contract = Servers.ROOT.resolve("docs/api.md");
		if (!Files.isRegularFile(contract)) {
			throw new AssertionError("the public API document " + contract + " is missing; it belongs in the "
					+ "repository (Servers.ROOT is " + Servers.ROOT
					+ ", set CARRIER_ROOT if that is not the repository root)");
		}
		return contract;
	}

}
