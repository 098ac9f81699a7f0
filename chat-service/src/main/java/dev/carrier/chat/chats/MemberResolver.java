package dev.carrier.chat.chats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.MemberSummary;

import org.springframework.stereotype.Component;

/**
 * Turns the logins a request names (usernames or emails) into users, once per spelling.
 */
@Component
class MemberResolver {

	private final AuthClient auth;

	MemberResolver(AuthClient auth) {
		this.auth = auth;
	}

	/**
	 * @throws UnknownMember for the first login auth-service does not know
	 */
	List<MemberSummary> resolve(List<String> logins) {
		Map<String, MemberSummary> resolved = new LinkedHashMap<>();
		for (String login : logins) {
			String key = login.trim().toLowerCase(Locale.ROOT);
			if (resolved.containsKey(key)) {
				continue;
			}
			MemberSummary member = this.auth.lookup(login.trim()).orElseThrow(() -> new UnknownMember(login.trim()));
			resolved.put(key, member);
		}
		return List.copyOf(resolved.values());
	}

}
