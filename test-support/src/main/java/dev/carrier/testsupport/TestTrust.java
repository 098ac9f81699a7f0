package dev.carrier.testsupport;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs what the gateway and the other services would: identity assertions and service
 * credentials, with the test key that every service's
 * src/test/resources/config/application.yml sets ({@code carrier.trust.key}).
 */
public final class TestTrust {

	/** The same key as each service's src/test/resources/config/application.yml. */
	public static final String KEY = "s5+jRChOe59kIXFsJA/N9E4OJBYTzgbWkt0q4oZ34GM=";

	private TestTrust() {
	}

	/** The gateway's assertion that {@code userId} makes this request. */
	public static String identity(String userId) {
		return sign("gateway", "carrier-api", userId, Instant.now().plusSeconds(30));
	}

	/** A service credential, as another Carrier service sends on /internal/**. */
	public static String serviceCredential() {
		return sign("test-service", "carrier-internal", "test-service", Instant.now().plusSeconds(300));
	}

	/** A token signed like the real thing, with any audience, subject and expiry. */
	public static String sign(String issuer, String audience, String subject, Instant expiry) {
		return sign(issuer, audience, subject, expiry, KEY);
	}

	public static String sign(String issuer, String audience, String subject, Instant expiry, String base64Key) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(expiry.minusSeconds(30)))
			.expirationTime(Date.from(expiry))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(Base64.getDecoder().decode(base64Key)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
