package dev.carrier.chat.cache;

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
 * Internal: auth-service tells us a user logged in, so their chats the cache lacks are
 * reloaded before the first screen asks for them (never routed by the gateway). Only a
 * head start: every request reloads what it needs anyway.
 */
@RestController
@Tag(name = "internal")
class LoginController {

	private final ChatReloader reloader;

	LoginController(ChatReloader reloader) {
		this.reloader = reloader;
	}

	@PostMapping("/internal/users/{userId}/logged-in")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reload every chat of the user that the cache lacks")
	void loggedIn(@PathVariable String userId) {
		if (!Ids.isValid(userId)) {
			throw new UnknownUser();
		}
		this.reloader.reloadChatsOf(userId);
	}

}
