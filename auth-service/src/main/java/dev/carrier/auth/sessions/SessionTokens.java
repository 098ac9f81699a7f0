package dev.carrier.auth.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** 256-bit random bearer tokens, and the SHA-256 under which Redis knows them. */
public final class SessionTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SessionTokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Redis holds only this, so a leaked Redis dump does not leak usable tokens. */
	public static String keyHash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The token of an {@code Authorization: Bearer <token>} header, or null. */
	public static String fromAuthorization(String header) {
		if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() || token.length() > 200 ? null : token;
	}

}
