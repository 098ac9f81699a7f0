package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs identity assertions as the gateway does, so the bench can measure chat-service
 * without the gateway in front: chat-service believes nothing else. The key is the
 * stack's own ({@code CARRIER_TRUST_KEY}, or the one {@code ./carrier up} made in
 * .carrier/trust.key, or CARRIER_STATE_DIR/trust.key).
 */
final class IdentitySigner {

	private final MACSigner signer;

	private IdentitySigner(byte[] key) throws JOSEException {
		this.signer = new MACSigner(key);
	}

	/** The stack's signer, or empty when its key cannot be found. */
	static Optional<IdentitySigner> of(Path stackState) {
		String key = System.getenv("CARRIER_TRUST_KEY");
		try {
			if (key == null || key.isBlank()) {
				Path file = stackState.resolve("trust.key");
				if (!Files.isReadable(file)) {
					return Optional.empty();
				}
				key = Files.readString(file);
			}
			return Optional.of(new IdentitySigner(Base64.getDecoder().decode(key.strip())));
		}
		catch (IOException | JOSEException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The assertion that {@code userId} makes one request, valid for 30 s. */
	String identity(String userId) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("gateway")
			.audience("carrier-api")
			.subject(userId)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(30)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
