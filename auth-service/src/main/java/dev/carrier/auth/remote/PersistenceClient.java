package dev.carrier.auth.remote;

import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.carrier.auth.trust.Assertions;

/**
 * persistence-service's user read-through (docs/architecture.md, "persistence-service"):
 * the durable record of every account, asked when Redis does not know a user. The GETs
 * are idempotent, so they are retried with backoff behind a circuit breaker. A 4xx is an
 * answer, not a failure: 404 says there is no such record, and a 400 (a login or id
 * persistence-service refuses to look up, such as one over its length limit) means there
 * cannot be one. Counting those as failures let hostile logins open the circuit and turn
 * everyone's logins into 503s.
 * <p>
 * The login goes into the query as a URI variable, never as template text: text is only
 * encoded where it is illegal, so a {@code +} would reach persistence-service as a space,
 * and a {@code {…}} is read as a variable, which failed every attempt of a login such as
 * {@code ${jndi:…}} before it was sent and counted them against the circuit.
 */
@Component
public class PersistenceClient {

	private final RestClient restClient;

	private final ResilientCall resilience;

	public PersistenceClient(ServiceUrls urls, ResilientCalls resilience, Assertions assertions) {
		this.resilience = resilience.forClient("persistence");
		this.restClient = RestClients.create(urls.persistenceUrl(), this.resilience.attemptTimeout(),
				assertions::serviceCredential);
	}

	public Optional<UserRecord> findUserByLogin(String login) {
		return this.resilience.call(() -> Optional.ofNullable(this.restClient.get()
			.uri((uri) -> uri.path("/internal/users/by-login").queryParam("login", "{login}").build(login))
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> noSuchRecord(response.getStatusCode()) ? null
					: ensureOk(response.getStatusCode(), response.bodyTo(UserRecord.class)))));
	}

	public Optional<UserRecord> findUserById(String userId) {
		return this.resilience.call(() -> Optional.ofNullable(this.restClient.get()
			.uri("/internal/users/{id}", userId)
			.accept(MediaType.APPLICATION_JSON)
			.exchange((request, response) -> noSuchRecord(response.getStatusCode()) ? null
					: ensureOk(response.getStatusCode(), response.bodyTo(UserRecord.class)))));
	}

	public Optional<StoredAvatar> findAvatar(String userId) {
		return this.resilience.call(() -> Optional.ofNullable(
				this.restClient.get().uri("/internal/users/{id}/avatar", userId).exchange((request, response) -> {
					if (noSuchRecord(response.getStatusCode())) {
						return null;
					}
					ResponseEntity<byte[]> entity = ResponseEntity.status(response.getStatusCode())
						.headers(response.getHeaders())
						.body(response.bodyTo(byte[].class));
					ensureOk(entity.getStatusCode(), entity);
					MediaType contentType = entity.getHeaders().getContentType();
					return new StoredAvatar((contentType != null) ? contentType.toString() : null, entity.getBody());
				})));
	}

	public ResilientCall resilience() {
		return this.resilience;
	}

	private static boolean noSuchRecord(HttpStatusCode status) {
		return status.is4xxClientError();
	}

	private static <T> T ensureOk(HttpStatusCode status, T body) {
		if (!status.is2xxSuccessful() || body == null) {
			throw new IllegalStateException("persistence-service answered " + status.value());
		}
		return body;
	}

	/**
	 * persistence-service's {@code UserRecord}: the user event's snapshot, without avatar
	 * bytes.
	 */
	public record UserRecord(String id, String username, String email, String passwordHash, String avatar,
			Long avatarVersion, Instant createdAt, Instant updatedAt, Boolean presenceHidden) {

		@Override
		public String toString() {
			return "UserRecord[id=" + this.id + "]";
		}

	}

	public record StoredAvatar(String contentType, byte[] bytes) {
	}

}
