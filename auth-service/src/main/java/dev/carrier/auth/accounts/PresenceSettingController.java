package dev.carrier.auth.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.web.Caller;

/**
 * The presence setting belongs to the account, so it is as durable as the account; the
 * presence itself is chat-service's ({@code GET /api/users/presence}).
 */
@RestController
@Tag(name = "accounts")
class PresenceSettingController {

	private final AccountService accounts;

	PresenceSettingController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PutMapping(path = "/api/users/me/presence", consumes = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Show or hide when you are online and when you were last seen")
	void setPresence(Caller caller, @Valid @RequestBody PresenceSettingRequest request) {
		this.accounts.setPresenceVisible(caller.userId(), request.visible());
	}

}
