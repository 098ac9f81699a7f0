package dev.carrier.auth.avatars;

/** The ways an avatar change or download can fail, each with its own status. */
public final class AvatarProblems {

	private AvatarProblems() {
	}

	/** 413 */
	public static class AvatarTooLarge extends RuntimeException {

		public AvatarTooLarge(long maxBytes) {
			super("An avatar may be at most " + maxBytes + " bytes");
		}

	}

	/** 415 */
	public static class UnsupportedImage extends RuntimeException {

		public UnsupportedImage() {
			this("An avatar must be a PNG, JPEG, GIF or WebP image");
		}

		public UnsupportedImage(String message) {
			super(message);
		}

	}

	/** 400: the bytes start like a supported image but do not make a sane one. */
	public static class InvalidImage extends RuntimeException {

		public InvalidImage(String message) {
			super(message);
		}

	}

	/** 400 */
	public static class UnknownPreset extends RuntimeException {

		public UnknownPreset() {
			super("Preset must be one of " + String.join(", ", AvatarPresets.NAMES));
		}

	}

	/** 404 */
	public static class AvatarNotFound extends RuntimeException {

		public AvatarNotFound() {
			super("This user has no avatar");
		}

	}

}
