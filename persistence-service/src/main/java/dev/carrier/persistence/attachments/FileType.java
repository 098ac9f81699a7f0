package dev.carrier.persistence.attachments;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What an upload is, read from its bytes, never from the name or the Content-Type the
 * client claims: a file served back from Carrier's origin must never be something a
 * browser runs (HTML, SVG, XML, scripts), whatever it is called.
 */
final class FileType {

	static final String PNG = "image/png";

	static final String JPEG = "image/jpeg";

	static final String GIF = "image/gif";

	static final String WEBP = "image/webp";

	static final String PDF = "application/pdf";

	static final String TEXT = "text/plain";

	static final String OCTET_STREAM = "application/octet-stream";

	/** Declared types that are active content, refused whatever the bytes are. */
	private static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
			"text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
			"text/ecmascript", "application/x-javascript", "text/xsl", "application/x-shockwave-flash");

	/** How active content starts, after leading white space, compared in lower case. */
	private static final String[] ACTIVE_STARTS = { "<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml",
			"<iframe", "<!--", "<style", "<meta", "<object", "<embed", "<xsl" };

	private FileType() {
	}

	/** The type of these bytes, or {@link AttachmentRefused} (415) for active content. */
	static String detect(byte[] bytes) {
		String type = magic(bytes);
		if (type != null) {
			return type;
		}
		if (looksActive(bytes)) {
			throw new AttachmentRefused.UnsupportedType(
					"The file is HTML, SVG, XML or a script; such files are not accepted");
		}
		return isUtf8Text(bytes) ? TEXT : OCTET_STREAM;
	}

	/**
	 * Refuses a declared type that is active content, or one that says image or PDF when
	 * the bytes are not that image or PDF.
	 */
	static void checkDeclared(String declared, String detected) {
		String type = (declared != null) ? essence(declared) : "";
		if (ACTIVE_TYPES.contains(type)) {
			throw new AttachmentRefused.UnsupportedType("Files of type " + type + " are not accepted");
		}
		boolean claimsImage = type.startsWith("image/");
		boolean claimsPdf = type.equals(PDF);
		if (claimsImage && !detected.startsWith("image/") || claimsPdf && !detected.equals(PDF)) {
			throw new AttachmentRefused.UnsupportedType(
					"The Content-Type says " + type + " but the bytes are " + detected);
		}
	}

	static boolean isImage(String type) {
		return type.equals(PNG) || type.equals(JPEG) || type.equals(GIF);
	}

	private static String magic(byte[] b) {
		if (startsWith(b, 0, (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
			return PNG;
		}
		if (startsWith(b, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
			return JPEG;
		}
		if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
			return GIF;
		}
		if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
			return WEBP;
		}
		if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (startsWith(b, 0, 'P', 'K', 3, 4) || startsWith(b, 0, 'P', 'K', 5, 6)) {
			return "application/zip";
		}
		if (startsWith(b, 0, 0x1F, (byte) 0x8B)) {
			return "application/gzip";
		}
		if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
			return "video/mp4";
		}
		if (startsWith(b, 0, 'O', 'g', 'g', 'S')) {
			return "audio/ogg";
		}
		if (startsWith(b, 0, 'I', 'D', '3')) {
			return "audio/mpeg";
		}
		return null;
	}

	private static boolean looksActive(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
			.replace("\u00ef\u00bb\u00bf", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(ACTIVE_STARTS).anyMatch(start::startsWith);
	}

	private static boolean isUtf8Text(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static String essence(String contentType) {
		int semicolon = contentType.indexOf(';');
		return ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] bytes, int offset, int... prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != (byte) prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
