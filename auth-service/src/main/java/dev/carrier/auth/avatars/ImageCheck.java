package dev.carrier.auth.avatars;

import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.carrier.auth.avatars.AvatarProblems.InvalidImage;
import dev.carrier.auth.avatars.AvatarProblems.UnsupportedImage;

/**
 * Makes sure uploaded bytes really are the image they claim to be, before anything
 * decodes them. Magic bytes alone let anything through that starts with eight right
 * bytes, so each format's structure is walked ({@link ImageStructure}). WebP is refused:
 * the JDK has no decoder for it, so the server could not re-encode it, and serving an
 * uploader's own WebP bytes to every viewer is how a browser's WebP decoder is attacked
 * (CVE-2023-4863). {@link AvatarRenderer} then decodes, within bounds.
 */
final class ImageCheck {

	static final int MAX_DIMENSION = 4096;

	private ImageCheck() {
	}

	/**
	 * The format of {@code bytes}, which must match {@code declaredContentType}.
	 * @throws UnsupportedImage (415) for an unknown format or a Content-Type that says
	 * otherwise
	 * @throws InvalidImage (400) for bytes of a known format that do not make a sane
	 * image
	 */
	static ImageFormat verify(byte[] bytes, String declaredContentType) {
		ImageFormat format = ImageFormat.detect(bytes).orElseThrow(UnsupportedImage::new);
		if (format == ImageFormat.WEBP) {
			throw new UnsupportedImage(
					"WebP avatars are not accepted (the server cannot re-encode them); " + "use PNG, JPEG or GIF");
		}
		if (!declares(declaredContentType, format)) {
			throw new UnsupportedImage("The bytes are " + format.contentType() + ", not what the Content-Type says");
		}
		ImageStructure.Dimensions dimensions = switch (format) {
			case PNG -> ImageStructure.png(bytes);
			case JPEG -> ImageStructure.jpeg(bytes);
			case GIF -> ImageStructure.gif(bytes);
			case WEBP -> throw new UnsupportedImage();
		};
		if (dimensions.width() < 1 || dimensions.height() < 1 || dimensions.width() > MAX_DIMENSION
				|| dimensions.height() > MAX_DIMENSION) {
			throw new InvalidImage("An avatar may be at most " + MAX_DIMENSION + "x" + MAX_DIMENSION + " pixels");
		}
		return format;
	}

	private static boolean declares(String contentType, ImageFormat format) {
		if (contentType == null) {
			return false;
		}
		MediaType declared;
		try {
			declared = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		String type = (declared.getType() + "/" + declared.getSubtype()).toLowerCase(Locale.ROOT);
		return switch (format) {
			case PNG -> type.equals("image/png") || type.equals("image/x-png");
			case JPEG -> type.equals("image/jpeg") || type.equals("image/jpg") || type.equals("image/pjpeg");
			case GIF -> type.equals("image/gif");
			case WEBP -> type.equals("image/webp");
		};
	}

}
