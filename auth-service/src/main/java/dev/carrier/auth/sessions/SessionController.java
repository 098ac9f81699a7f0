package dev.carrier.auth.sessions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.accounts.UserView;
import dev.carrier.auth.web.Caller;
import dev.carrier.auth.web.ClientAddress;

@RestController
@Tag(name = "sessions", description = "Log in and out")
class SessionController {

	private final LoginService logins;

	private final SessionService sessions;

	SessionController(LoginService logins, SessionService sessions) {
		this.logins = logins;
		this.sessions = sessions;
	}

	@PostMapping(path = "/api/auth/login", consumes = "application/json")
	@Operation(summary = "Log in with username or email; answers a bearer token (429 with Retry-After under load "
			+ "or after too many attempts for one name)")
	LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		LoginService.LoggedIn loggedIn = this.logins.login(request.login(), request.password(), ClientAddress.of(http));
		return new LoginResponse(loggedIn.token(), loggedIn.expiresAt(), UserView.self(loggedIn.user()));
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End the caller's session; the token is dead at once")
	void logout(Caller caller) {
		if (caller.token() == null) {
			throw new Unauthenticated("Log out needs the session's bearer token");
		}
		this.sessions.logout(caller.userId(), caller.token());
	}

}
