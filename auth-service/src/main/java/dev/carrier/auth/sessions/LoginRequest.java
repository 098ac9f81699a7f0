package dev.carrier.auth.sessions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code login} is a username or an email. */
public record LoginRequest(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 128) String password) {

	@Override
	public String toString() {
		return "LoginRequest[login=" + this.login + "]";
	}

}
