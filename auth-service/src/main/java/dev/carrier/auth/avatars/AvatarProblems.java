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

	/**
	 * 400, as any unusable image: the header declares more pixels than an avatar may
	 * have.
	 */
	public static class ImageTooLarge extends InvalidImage {

		public ImageTooLarge(long maxPixels, int maxDimension) {
			super("An avatar may be at most " + maxDimension + " pixels wide or high and " + maxPixels
					+ " pixels in all");
		}

	}

	/**
	 * 503 with Retry-After: every decode slot stayed busy. Not 429, because the slots are
	 * shared by everyone and this caller may have sent a single upload; the fault is the
	 * server's capacity.
	 */
	public static class DecodingBusy extends RuntimeException {

		public DecodingBusy() {
			super("Too many avatars are being processed; try again in a moment");
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
