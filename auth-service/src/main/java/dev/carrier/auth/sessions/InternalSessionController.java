package dev.carrier.auth.sessions;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.accounts.AccountService;
import dev.carrier.auth.accounts.User;

/** Session checks for the gateway and chat-service (docs/architecture.md). */
@RestController
@Tag(name = "internal sessions", description = "For the gateway and chat-service; never routed by the gateway")
class InternalSessionController {

	private final SessionService sessions;

	private final AccountService accounts;

	InternalSessionController(SessionService sessions, AccountService accounts) {
		this.sessions = sessions;
		this.accounts = accounts;
	}

	@GetMapping("/internal/sessions/current")
	@Operation(summary = "Who a bearer token belongs to; 401 when unknown or expired. Slides the idle timeout.")
	CurrentSession current(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String token = SessionTokens.fromAuthorization(authorization);
		if (token == null) {
			throw new Unauthenticated("A bearer token is required");
		}
		Session session = this.sessions.current(token);
		User user = this.accounts.get(session.userId());
		return new CurrentSession(user.id(), user.username(), session.expiresAt());
	}

	@PostMapping("/internal/sessions/alive")
	@Operation(summary = "Which of the given tokens still have a session; touches no timeout")
	AliveSessions alive(@RequestBody @Valid TokensToCheck request) {
		return new AliveSessions(this.sessions.alive(request.tokens()));
	}

	/**
	 * At most 1000 tokens per call (chat-service sends its open sockets' tokens in
	 * chunks).
	 */
	record TokensToCheck(@NotNull @Size(max = 1000) List<@NotNull @Size(max = 200) String> tokens) {
	}

	record AliveSessions(List<String> alive) {
	}

	@GetMapping("/internal/users/online")
	@Operation(summary = "The ids among those given that have at least one live session")
	Set<String> online(@RequestParam("ids") @Size(max = 500) List<String> ids) {
		return this.sessions.onlineAmong(ids.stream().map(String::strip).filter((id) -> !id.isEmpty()).toList());
	}

}
