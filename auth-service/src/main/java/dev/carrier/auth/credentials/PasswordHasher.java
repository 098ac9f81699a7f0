package dev.carrier.auth.credentials;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.stereotype.Component;

/**
 * PBKDF2-HMAC-SHA256 with a random 16-byte salt per hash, stored self-describing as
 * {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>} so the cost can be raised
 * later without invalidating existing passwords. All work runs on the
 * {@link HashingPool}.
 */
@Component
public class PasswordHasher {

	static final String SCHEME = "pbkdf2-sha256";

	private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

	private static final int SALT_BYTES = 16;

	private static final int HASH_BITS = 256;

	private final SecureRandom random = new SecureRandom();

	private final int iterations;

	private final HashingPool pool;

	public PasswordHasher(PasswordProperties properties, HashingPool pool) {
		this.iterations = properties.pbkdf2Iterations();
		this.pool = pool;
	}

	/** A hash the service makes for itself, counted against no account or address. */
	public String hash(String password) {
		return hash(password, Requester.SERVICE);
	}

	public String hash(String password, Requester requester) {
		byte[] salt = new byte[SALT_BYTES];
		this.random.nextBytes(salt);
		byte[] hash = this.pool.run(requester, () -> pbkdf2(password, salt, this.iterations));
		return format(this.iterations, salt, hash);
	}

	public boolean matches(String password, String stored, Requester requester) {
		Parsed parsed = parse(stored);
		if (parsed == null) {
			return false;
		}
		byte[] candidate = this.pool.run(requester, () -> pbkdf2(password, parsed.salt(), parsed.iterations()));
		return MessageDigest.isEqual(candidate, parsed.hash());
	}

	/**
	 * Whether a stored hash was made at a lower cost than today's and should be
	 * re-hashed.
	 */
	public boolean needsUpgrade(String stored) {
		Parsed parsed = parse(stored);
		return parsed == null || parsed.iterations() < this.iterations;
	}

	static String format(int iterations, byte[] salt, byte[] hash) {
		Base64.Encoder encoder = Base64.getEncoder();
		return SCHEME + "$" + iterations + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
	}

	static byte[] pbkdf2(String password, byte[] salt, int iterations) {
		PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
		try {
			return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
		finally {
			spec.clearPassword();
		}
	}

	private static Parsed parse(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\$");
		if (parts.length != 4 || !SCHEME.equals(parts[0])) {
			return null;
		}
		try {
			int iterations = Integer.parseInt(parts[1]);
			Base64.Decoder decoder = Base64.getDecoder();
			return (iterations > 0) ? new Parsed(iterations, decoder.decode(parts[2]), decoder.decode(parts[3])) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Parsed(int iterations, byte[] salt, byte[] hash) {
	}

}
