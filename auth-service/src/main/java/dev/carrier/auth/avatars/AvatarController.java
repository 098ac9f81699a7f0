package dev.carrier.auth.avatars;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.carrier.auth.accounts.UserView;
import dev.carrier.auth.avatars.AvatarProblems.AvatarNotFound;
import dev.carrier.auth.avatars.AvatarProblems.AvatarTooLarge;
import dev.carrier.auth.web.Caller;

@RestController
@Tag(name = "avatars", description = "Upload, choose and fetch avatars")
class AvatarController {

	private final AvatarService avatars;

	private final int maxBytes;

	AvatarController(AvatarService avatars, AvatarProperties properties) {
		this.avatars = avatars;
		this.maxBytes = (int) properties.maxBytes().toBytes();
	}

	@PutMapping(path = AvatarUploadLimit.UPLOAD_PATH, consumes = "image/*")
	@Operation(summary = "Upload an avatar: PNG, JPEG or GIF bytes, at most 1 MiB, 4096 pixels wide or high and "
			+ "12 megapixels, Content-Type matching the bytes (400/413/415 otherwise, 503 with Retry-After when busy); "
			+ "stored and served re-encoded, at most 512x512")
	UserView.Body upload(Caller caller, HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			throw new AvatarTooLarge(this.maxBytes);
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			// One byte past the limit tells "exactly the limit" from "more" without
			// reading it all.
			bytes = in.readNBytes(this.maxBytes + 1);
		}
		if (bytes.length > this.maxBytes) {
			throw new AvatarTooLarge(this.maxBytes);
		}
		return new UserView.Body(UserView.self(this.avatars.upload(caller.userId(), request.getContentType(), bytes)));
	}

	@PutMapping(path = "/api/users/me/avatar", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Choose a preset avatar: fox, owl, cat, bear, panda or koala")
	UserView.Body choosePreset(Caller caller, @Valid @RequestBody PresetRequest request) {
		return new UserView.Body(UserView.self(this.avatars.choosePreset(caller.userId(), request.preset())));
	}

	@GetMapping("/api/users/{id}/avatar")
	@Operation(summary = "A user's avatar (public); cache forever when v is the current version")
	ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(name = "v", required = false) String v) {
		if (!id.matches("[A-Za-z0-9-]{1,64}")) {
			throw new AvatarNotFound();
		}
		AvatarService.Avatar avatar = this.avatars.download(id);
		// The URL carries the version, so a versioned URL's content never changes.
		CacheControl cacheControl = Long.toString(avatar.version()).equals(v)
				? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable() : CacheControl.noCache();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(avatar.contentType()))
			.cacheControl(cacheControl)
			.header("X-Content-Type-Options", "nosniff")
			// An SVG can carry script; sandboxed it cannot run it even when opened
			// directly.
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(avatar.bytes());
	}

}
