package dev.carrier.chat.presence;

import java.util.List;

import dev.carrier.chat.shared.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/users/presence} (docs/api.md, "Presence"). */
@RestController
@Tag(name = "presence")
class PresenceController {

	private final PresenceService presence;

	PresenceController(PresenceService presence) {
		this.presence = presence;
	}

	@GetMapping("/api/users/presence")
	@Operation(summary = "Online and last seen of the listed people who share a chat with the caller (others omitted)")
	List<UserPresence> presence(@Parameter(hidden = true) @CallerId String userId,
			@RequestParam(required = false) String ids) {
		return this.presence.presenceOf(userId, ids);
	}

}
