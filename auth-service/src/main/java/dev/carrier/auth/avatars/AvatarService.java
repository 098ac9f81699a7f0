package dev.carrier.auth.avatars;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.carrier.auth.accounts.AccountService;
import dev.carrier.auth.accounts.User;
import dev.carrier.auth.avatars.AvatarProblems.AvatarNotFound;
import dev.carrier.auth.avatars.AvatarProblems.UnknownPreset;
import dev.carrier.auth.events.EventPublisher;
import dev.carrier.auth.remote.PersistenceClient;

/**
 * Avatars: an uploaded image or a preset. An upload is checked, then stored and served as
 * the server's own bounded rendition, never as uploaded. Events go first and are awaited
 * (bytes, then the user snapshot that points at them), so a failed publish leaves the old
 * avatar in place.
 */
@Service
public class AvatarService {

	private static final Logger log = LoggerFactory.getLogger(AvatarService.class);

	private final AccountService accounts;

	private final AvatarStore store;

	private final AvatarPresets presets;

	private final EventPublisher events;

	private final PersistenceClient persistence;

	private final AvatarRenderer renderer;

	AvatarService(AccountService accounts, AvatarStore store, AvatarPresets presets, EventPublisher events,
			PersistenceClient persistence, AvatarRenderer renderer) {
		this.accounts = accounts;
		this.store = store;
		this.presets = presets;
		this.events = events;
		this.persistence = persistence;
		this.renderer = renderer;
	}

	public User upload(String userId, String declaredContentType, byte[] bytes) {
		ImageFormat format = ImageCheck.verify(bytes, declaredContentType);
		Rendition rendition = this.renderer.render(bytes, format);
		User changed = this.accounts.get(userId)
			.withAvatar(User.UPLOAD_PREFIX + rendition.contentType(), Instant.now());
		this.events.avatarUploaded(userId, rendition.contentType(), changed.avatarVersion(), rendition.bytes());
		this.accounts.saveChange(changed, () -> this.store.save(userId, rendition.bytes()));
		log.info("User {} uploaded a {} avatar of {} bytes, stored as {} bytes of {}", userId, format, bytes.length,
				rendition.bytes().length, rendition.contentType());
		return changed;
	}

	public User choosePreset(String userId, String preset) {
		if (preset == null || !this.presets.exists(preset)) {
			throw new UnknownPreset();
		}
		User changed = this.accounts.get(userId).withAvatar(User.PRESET_PREFIX + preset, Instant.now());
		this.accounts.saveChange(changed);
		return changed;
	}

	public Avatar download(String userId) {
		User user = this.accounts.find(userId).orElseThrow(AvatarNotFound::new);
		String avatar = user.avatar();
		if (avatar == null) {
			throw new AvatarNotFound();
		}
		if (avatar.startsWith(User.PRESET_PREFIX)) {
			byte[] svg = this.presets.svg(avatar.substring(User.PRESET_PREFIX.length()))
				.orElseThrow(AvatarNotFound::new);
			return new Avatar(AvatarPresets.CONTENT_TYPE, svg, user.avatarVersion());
		}
		String contentType = avatar.substring(User.UPLOAD_PREFIX.length());
		byte[] bytes = this.store.find(userId).or(() -> readThrough(userId)).orElseThrow(AvatarNotFound::new);
		return new Avatar(contentType, bytes, user.avatarVersion());
	}

	private Optional<byte[]> readThrough(String userId) {
		Optional<byte[]> bytes = this.persistence.findAvatar(userId).map(PersistenceClient.StoredAvatar::bytes);
		bytes.ifPresent((found) -> this.store.save(userId, found));
		return bytes;
	}

	public record Avatar(String contentType, byte[] bytes, long version) {
	}

}
