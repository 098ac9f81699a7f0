package dev.carrier.auth.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record SignupRequest(
		@NotNull @Pattern(regexp = Limits.USERNAME, message = Limits.USERNAME_MESSAGE) String username,
		@NotNull @Size(max = Limits.EMAIL_MAX) @Email(regexp = Limits.EMAIL,
				message = Limits.EMAIL_MESSAGE) String email,
		@NotNull @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX) String password) {

	@Override
	public String toString() {
		return "SignupRequest[username=" + this.username + "]";
	}

}
