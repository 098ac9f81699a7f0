package dev.carrier.persistence.users;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** auth-service's read-through to the durable users, when its Redis has lost them. */
@RestController
@RequestMapping("/internal/users")
class UserController {

	private final UserRepository users;

	private final AvatarRepository avatars;

	UserController(UserRepository users, AvatarRepository avatars) {
		this.users = users;
		this.avatars = avatars;
	}

	@Operation(summary = "A user by username or email, case-insensitive, with the password hash")
	@GetMapping("/by-login")
	UserRecord byLogin(@RequestParam @NotBlank @Size(max = 320) String login) {
		return this.users.findByLogin(login.toLowerCase(Locale.ROOT))
			.map(UserEntity::toRecord)
			.orElseThrow(() -> new UserNotFound("No user with that login"));
	}

	@Operation(summary = "A user by id, with the password hash")
	@GetMapping("/{id}")
	UserRecord byId(@PathVariable @Size(max = 64) String id) {
		return this.users.findById(id).map(UserEntity::toRecord).orElseThrow(() -> new UserNotFound("No user " + id));
	}

	@Operation(summary = "A user's uploaded avatar, with its stored content type")
	@GetMapping("/{id}/avatar")
	ResponseEntity<byte[]> avatar(@PathVariable @Size(max = 64) String id) {
		AvatarEntity avatar = this.avatars.findById(id).orElseThrow(() -> new UserNotFound("No avatar for user " + id));
		return ResponseEntity.ok().contentType(mediaType(avatar.contentType())).body(avatar.bytes());
	}

	/** A stored type that is not a media type must not turn a stored image into a 500. */
	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
