package dev.carrier.gateway.tokens;

import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import dev.carrier.gateway.routing.ServicesProperties;
import dev.carrier.gateway.trust.Assertions;

/** Asks auth-service whom a bearer token belongs to. */
@Component
class AuthSessionClient {

	private final WebClient webClient;

	private final TokenProperties properties;

	private final Assertions assertions;

	/**
	 * Asks over the routes' own client ({@code gatewayHttpClient}), so its pool retires
	 * idle connections before auth-service's Tomcat closes them (application.yml,
	 * {@code httpclient.pool}): a token check on a connection closed under it would fail
	 * as if auth-service were down.
	 */
	AuthSessionClient(ServicesProperties services, TokenProperties properties, Assertions assertions,
			HttpClient gatewayHttpClient) {
		this.webClient = WebClient.builder()
			.baseUrl(services.authUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
			.build();
		this.properties = properties;
		this.assertions = assertions;
	}

	/**
	 * The token's session; empty when auth-service does not know the token;
	 * {@link AuthUnavailable} when it cannot tell.
	 */
	Mono<Session> currentSession(String token) {
		return this.webClient.get()
			.uri("/internal/sessions/current")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header(Assertions.SERVICE_HEADER, this.assertions.serviceCredential())
			.exchangeToMono(response -> {
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(Session.class);
				}
				if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
					return response.releaseBody().then(Mono.empty());
				}
				return response.releaseBody()
					.then(Mono.error(new AuthUnavailable("auth-service answered " + response.statusCode(), null)));
			})
			.timeout(this.properties.checkTimeout())
			.onErrorMap(ex -> !(ex instanceof AuthUnavailable),
					ex -> new AuthUnavailable((ex instanceof TimeoutException) ? "auth-service did not answer in time"
							: "auth-service is not reachable", ex));
	}

}
