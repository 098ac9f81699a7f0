package dev.carrier.persistence.hydration;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** chat-service asks for chats to be put back into Redis: at login, and on a cache miss. */
@RestController
@RequestMapping("/internal/hydrations")
class HydrationController {

	private final HydrationService hydration;

	HydrationController(HydrationService hydration) {
		this.hydration = hydration;
	}

	@Operation(summary = "Load every chat of a user that Redis lacks, with its last messages and a fresh lease")
	@PostMapping("/users/{userId}")
	HydrationResult hydrateUser(@PathVariable @Size(max = 64) String userId) {
		return this.hydration.hydrateUser(userId);
	}

	@Operation(summary = "Load one chat into Redis if it is not there; 404 when MySQL does not know it")
	@PostMapping("/chats/{chatId}")
	HydrationResult hydrateChat(@PathVariable @Size(max = 64) String chatId) {
		return this.hydration.hydrateChat(chatId);
	}

}
