package dev.carrier.auth.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(@NotNull @Size(max = Limits.PASSWORD_MAX) String currentPassword,
		@NotNull @Size(min = Limits.PASSWORD_MIN, max = Limits.PASSWORD_MAX) String newPassword) {

	@Override
	public String toString() {
		return "ChangePasswordRequest[]";
	}

}
