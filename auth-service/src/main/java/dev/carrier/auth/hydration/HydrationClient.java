package dev.carrier.auth.hydration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.carrier.auth.trust.Assertions;
import dev.carrier.auth.remote.RemoteUnavailable;
import dev.carrier.auth.remote.ResilientCall;
import dev.carrier.auth.remote.ResilientCalls;
import dev.carrier.auth.remote.RestClients;
import dev.carrier.auth.remote.ServiceUrls;

/**
 * Tells chat-service that a user logged in, so it reloads the user's chats its cache
 * lacks before the first screen asks (chat-service alone writes its cache). The login
 * does not wait for it: a reload may wait for persistence-service to prove its record
 * current, and a failure only costs speed (chat-service reloads on demand), so it is
 * logged and never fails or slows the login.
 */
@Component
public class HydrationClient implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HydrationClient.class);

	private final RestClient restClient;

	private final ResilientCall resilience;

	public HydrationClient(ServiceUrls urls, ResilientCalls resilience, Assertions assertions) {
		this.resilience = resilience.forClient("hydration");
		this.restClient = RestClients.create(urls.firstChatUrl(), this.resilience.attemptTimeout(),
				assertions::serviceCredential);
	}

	private final ExecutorService notices = Executors.newVirtualThreadPerTaskExecutor();

	public void hydrateUser(String userId) {
		this.notices.execute(() -> sendLoginNotice(userId));
	}

	private void sendLoginNotice(String userId) {
		try {
			this.resilience.call(() -> this.restClient.post()
				.uri("/internal/users/{userId}/logged-in", userId)
				.retrieve()
				.toBodilessEntity());
		}
		catch (RemoteUnavailable ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			log.warn("Hydration of user {} failed; chats will be read through on demand: {}", userId,
					cause.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		this.notices.shutdown();
	}

}
