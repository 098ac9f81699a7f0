package dev.carrier.auth.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/users/me}: absent fields stay as they are. */
public record UpdateProfileRequest(
		@Pattern(regexp = Limits.USERNAME, message = Limits.USERNAME_MESSAGE) String username,
		@Size(max = Limits.EMAIL_MAX) @Email(regexp = Limits.EMAIL, message = Limits.EMAIL_MESSAGE) String email) {
}
