package dev.carrier.chat.leases;

import dev.carrier.chat.shared.Ids;
import dev.carrier.chat.shared.UnknownUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: auth-service tells us a user has no session left (never routed by the
 * gateway).
 */
@RestController
@Tag(name = "internal")
class LogoutController {

	private final LogoutService logouts;

	LogoutController(LogoutService logouts) {
		this.logouts = logouts;
	}

	@PostMapping("/internal/users/{userId}/logged-out")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Shorten the leases of the user's chats in which nobody else is online")
	void loggedOut(@PathVariable String userId) {
		if (!Ids.isValid(userId)) {
			throw new UnknownUser();
		}
		this.logouts.loggedOut(userId);
	}

}
