package dev.carrier.auth.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.carrier.auth.trust.Assertions;

/**
 * Tells chat-service that a user's last session ended, so it can shorten the leases of
 * chats nobody is looking at any more. Best effort: a lease expires on its own anyway, so
 * a failure here is logged and never fails the logout.
 */
@Component
public class ChatClient {

	private static final Logger log = LoggerFactory.getLogger(ChatClient.class);

	private final RestClient restClient;

	private final ResilientCall resilience;

	public ChatClient(ServiceUrls urls, ResilientCalls resilience, Assertions assertions) {
		this.resilience = resilience.forClient("chat");
		this.restClient = RestClients.create(urls.firstChatUrl(), this.resilience.attemptTimeout(),
				assertions::serviceCredential);
	}

	public void userLoggedOut(String userId) {
		try {
			this.resilience.call(() -> this.restClient.post()
				.uri("/internal/users/{userId}/logged-out", userId)
				.retrieve()
				.toBodilessEntity());
		}
		catch (RemoteUnavailable ex) {
			log.warn("Could not tell chat-service that user {} logged out: {}", userId, rootMessage(ex));
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
