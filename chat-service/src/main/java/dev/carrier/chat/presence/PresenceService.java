package dev.carrier.chat.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.carrier.chat.shared.InvalidRequest;
import dev.carrier.chat.users.AuthClient;

import org.springframework.stereotype.Service;

/**
 * {@code GET /api/users/presence}: the presence of the listed people who share a chat
 * with the caller; anyone else is left out, exactly as an unknown id is, so the answer
 * tells a stranger nothing.
 */
@Service
class PresenceService {

	static final int MAX_IDS = 100;

	/**
	 * A UUID in any case: the shape of an id. An upper-case one names nobody (left out).
	 */
	private static final Pattern ID_SHAPE = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private final PresenceStore store;

	private final Contacts contacts;

	private final AuthClient auth;

	PresenceService(PresenceStore store, Contacts contacts, AuthClient auth) {
		this.store = store;
		this.contacts = contacts;
		this.auth = auth;
	}

	List<UserPresence> presenceOf(String callerId, String idList) {
		Set<String> wanted = parse(idList);
		Set<String> people = this.contacts.of(callerId);
		List<String> shared = wanted.stream().filter(people::contains).toList();
		if (shared.isEmpty()) {
			return List.of();
		}
		Set<String> showing = this.auth.showingPresence(shared);
		Map<String, UserPresence> states = this.store.read(shared, Instant.now());
		List<UserPresence> answer = new ArrayList<>(shared.size());
		for (String id : shared) {
			answer.add(showing.contains(id) ? states.get(id) : UserPresence.hidden(id));
		}
		return answer;
	}

	static Set<String> parse(String idList) {
		if (idList == null || idList.isBlank()) {
			throw new InvalidRequest("ids is required: a comma-separated list of user ids");
		}
		String[] parts = idList.split(",", -1);
		if (parts.length > MAX_IDS) {
			throw new InvalidRequest("ids lists at most " + MAX_IDS + " user ids");
		}
		Set<String> ids = new LinkedHashSet<>();
		for (String part : parts) {
			if (!ID_SHAPE.matcher(part).matches()) {
				throw new InvalidRequest("ids must be user ids separated by commas");
			}
			ids.add(part);
		}
		return ids;
	}

}
