package dev.carrier.auth.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.web.Caller;
import dev.carrier.auth.web.ClientAddress;

@RestController
@Tag(name = "accounts", description = "Sign up, your profile, and finding other users")
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping(path = "/api/auth/signup", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an account (409 when the username or email is taken, case-insensitively)")
	UserView.Body signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {
		return new UserView.Body(UserView.self(
				this.accounts.signup(request.username(), request.email(), request.password(), ClientAddress.of(http))));
	}

	@GetMapping("/api/users/me")
	@Operation(summary = "The caller's own account, with email")
	UserView.Body me(Caller caller) {
		return new UserView.Body(UserView.self(this.accounts.get(caller.userId())));
	}

	@PatchMapping(path = "/api/users/me", consumes = "application/json")
	@Operation(summary = "Change username and/or email; the id never changes and the old name is freed at once")
	UserView.Body updateMe(Caller caller, @Valid @RequestBody UpdateProfileRequest request) {
		return new UserView.Body(
				UserView.self(this.accounts.updateProfile(caller.userId(), request.username(), request.email())));
	}

	@GetMapping("/api/users/lookup")
	@Operation(summary = "Find a user by exact username or email (case-insensitive)")
	UserView.Body lookup(Caller caller, @RequestParam("q") @NotBlank @Size(max = 254) String q) {
		User user = this.accounts.lookup(q);
		return new UserView.Body(user.id().equals(caller.userId()) ? UserView.self(user) : UserView.other(user));
	}

}
