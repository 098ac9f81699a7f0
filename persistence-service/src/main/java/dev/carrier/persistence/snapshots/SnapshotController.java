package dev.carrier.persistence.snapshots;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * chat-service's way back into the durable record after its cache lost a chat. Every
 * answer comes after the consumers are proven current, or is a 503 with Retry-After.
 */
@RestController
@Validated
class SnapshotController {

	static final String ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	private final SnapshotService snapshots;

	SnapshotController(SnapshotService snapshots) {
		this.snapshots = snapshots;
	}

	@Operation(summary = "The ids of every chat the user is a member of")
	@GetMapping("/internal/users/{userId}/chat-ids")
	List<String> chatIds(@PathVariable @Pattern(regexp = ID) String userId) {
		return this.snapshots.chatIdsOf(userId);
	}

	@Operation(summary = "204 when the user is a member of the chat, 404 otherwise (nothing is written)")
	@GetMapping("/internal/chats/{chatId}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void member(@PathVariable @Pattern(regexp = ID) String chatId, @PathVariable @Pattern(regexp = ID) String userId) {
		this.snapshots.requireMember(chatId, userId);
	}

	@Operation(summary = "Snapshots of the chats MySQL knows (unknown ids are left out), each with a new generation")
	@PostMapping("/internal/snapshots")
	SnapshotsResponse snapshots(@RequestBody @Valid SnapshotsRequest request) {
		return new SnapshotsResponse(this.snapshots.snapshots(request.chatIds()));
	}

	record SnapshotsRequest(@NotNull @Size(max = 1000) List<@NotNull @Pattern(regexp = ID) String> chatIds) {
	}

	record SnapshotsResponse(List<CacheSnapshot> chats) {
	}

}
