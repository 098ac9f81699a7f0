package dev.carrier.chat.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.carrier.chat.CarrierProperties;
import dev.carrier.chat.remote.RemoteService;
import dev.carrier.chat.remote.RemoteServices;
import dev.carrier.chat.shared.ServiceUnavailable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * auth-service's internal API (docs/architecture.md): session checks, user lookups,
 * member summaries and who is online. What a request supplies goes into a query as a URI
 * variable, which is encoded strictly: as template text a {@code +} in an email would
 * arrive as a space, and a {@code {…}} would be read as a variable and fail the call.
 */
@Component
public class AuthClient {

	static final int IDS_PER_CALL = 100;

	private final RemoteService auth;

	private final JsonMapper json;

	public AuthClient(CarrierProperties properties, JsonMapper json, RemoteServices remotes) {
		this.auth = remotes.named("auth-service", properties.authUrl());
		this.json = json;
	}

	/** The session's owner, or empty when the token is unknown or expired. */
	public Optional<SessionInfo> currentSession(String token) {
		RemoteService.Response response = this.auth.get(uri -> uri.path("/internal/sessions/current").build(), token);
		if (response.status() == 401 || response.status() == 404) {
			return Optional.empty();
		}
		return Optional.of(this.json.readValue(checked(response).body(), SessionInfo.class));
	}

	/**
	 * Which of these tokens still have a session (auth-service touches no timeout for
	 * this).
	 * @throws ServiceUnavailable when auth-service cannot tell
	 */
	public Set<String> aliveTokens(Collection<String> tokens) {
		String body = this.json.writeValueAsString(Map.of("tokens", List.copyOf(tokens)));
		RemoteService.Response response = this.auth.post(uri -> uri.path("/internal/sessions/alive").build(), body);
		JsonNode alive = this.json.readTree(checked(response).body()).path("alive");
		return alive.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
	}

	/** The user with this exact username or email, or empty. */
	public Optional<MemberSummary> lookup(String usernameOrEmail) {
		RemoteService.Response response = this.auth
			.get(uri -> uri.path("/internal/users/lookup").queryParam("q", "{q}").build(usernameOrEmail), null);
		// auth-service refuses a query that cannot be a username or email (4xx): no such
		// user.
		if (response.status() >= 400 && response.status() < 500) {
			return Optional.empty();
		}
		return Optional.of(this.json.readValue(checked(response).body(), MemberSummary.class));
	}

	/** Summaries of the known users among {@code ids}, in no particular order. */
	public List<MemberSummary> users(Collection<String> ids) {
		List<MemberSummary> found = new ArrayList<>();
		for (List<String> chunk : chunks(ids)) {
			RemoteService.Response response = getByIds("/internal/users", chunk);
			found.addAll(this.json.readValue(checked(response).body(), new TypeReference<List<MemberSummary>>() {
			}));
		}
		return found;
	}

	/**
	 * The ids among {@code ids} of known users who show their presence (the setting is
	 * auth-service's, durable with the user); hiders and unknown ids are left out.
	 * @throws ServiceUnavailable when auth-service cannot tell
	 */
	public Set<String> showingPresence(Collection<String> ids) {
		Set<String> showing = new HashSet<>();
		for (List<String> chunk : chunks(ids)) {
			RemoteService.Response response = getByIds("/internal/users", chunk);
			for (JsonNode user : this.json.readTree(checked(response).body())) {
				if (user.path("presenceVisible").asBoolean(true)) {
					showing.add(user.path("id").asString());
				}
			}
		}
		return showing;
	}

	/** The ids among {@code ids} that have at least one live session. */
	public Set<String> online(Collection<String> ids) {
		Set<String> online = new HashSet<>();
		for (List<String> chunk : chunks(ids)) {
			RemoteService.Response response = getByIds("/internal/users/online", chunk);
			online.addAll(this.json.readValue(checked(response).body(), new TypeReference<Set<String>>() {
			}));
		}
		return online;
	}

	/** A GET of {@code path} for one chunk of ids, given as {@code ?ids=a,b,c}. */
	private RemoteService.Response getByIds(String path, List<String> chunk) {
		return this.auth.get(uri -> uri.path(path).queryParam("ids", "{ids}").build(String.join(",", chunk)), null);
	}

	/**
	 * Ids go in the query string, which auth-service's server caps (8 KB for the request
	 * line and headers, 500 ids per call): {@value #IDS_PER_CALL} ids (3.7 KB) per call
	 * keep any number of members within both, where one call for a few hundred members
	 * was refused.
	 */
	static List<List<String>> chunks(Collection<String> ids) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += IDS_PER_CALL) {
			chunks.add(distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_CALL)));
		}
		return chunks;
	}

	private static RemoteService.Response checked(RemoteService.Response response) {
		if (!response.ok()) {
			throw new ServiceUnavailable("auth-service answered " + response.status());
		}
		return response;
	}

}
