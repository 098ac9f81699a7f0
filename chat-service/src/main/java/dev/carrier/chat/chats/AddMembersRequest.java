package dev.carrier.chat.chats;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {members: [username or email, ...]}}.
 */
public record AddMembersRequest(
		@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 254) @Pattern(regexp = Logins.PATTERN,
				message = Logins.MESSAGE) String> members) {
}
