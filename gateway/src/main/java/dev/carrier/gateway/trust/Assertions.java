package dev.carrier.gateway.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/**
 * Makes the signed statements the services believe: an identity assertion per routed
 * request ("this request comes from user U", audience {@value #API_AUDIENCE}) and the
 * gateway's own credential for {@code /internal/**} calls (audience
 * {@value #INTERNAL_AUDIENCE}). Both are HS256 JWTs over the shared key, short-lived, so
 * a copied header is useless within seconds and a bare {@code X-Carrier-User-Id} proves
 * nothing.
 */
@Component
public class Assertions {

	/** The header that carries the identity assertion of a routed request. */
	public static final String IDENTITY_HEADER = "X-Carrier-Identity";

	/** The header that carries a caller's service credential on {@code /internal/**}. */
	public static final String SERVICE_HEADER = "X-Carrier-Service";

	static final String API_AUDIENCE = "carrier-api";

	static final String INTERNAL_AUDIENCE = "carrier-internal";

	private static final String ISSUER = "gateway";

	private final MACSigner signer;

	private final TrustProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final AtomicReference<Credential> credential = new AtomicReference<>();

	/**
	 * Each user's assertion, reused until half its life is gone: a steady caller costs
	 * one signature per half-life, not one per request (issue 17). It still names only
	 * the user, and expires as a copied header must.
	 */
	private final Cache<String, String> identities;

	Assertions(TrustProperties properties) {
		try {
			this.signer = new MACSigner(properties.keyBytes());
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("carrier.trust.key cannot sign HS256", ex);
		}
		this.properties = properties;
		this.identities = Caffeine.newBuilder()
			.maximumSize(properties.assertionCacheSize())
			.expireAfterWrite(properties.assertionTtl().dividedBy(2))
			.build();
	}

	/** The assertion that a request comes from {@code userId}. */
	public String identityOf(String userId) {
		return this.identities.get(userId, this::newIdentity);
	}

	private String newIdentity(String userId) {
		Instant now = this.clock.instant();
		return sign(new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(API_AUDIENCE)
			.subject(userId)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.assertionTtl())))
			.build());
	}

	/**
	 * The gateway's credential for {@code /internal/**}, reused until half its life is
	 * gone.
	 */
	public String serviceCredential() {
		Instant now = this.clock.instant();
		Credential current = this.credential.get();
		if (current == null || now.isAfter(current.renewAfter())) {
			Instant expiry = now.plus(this.properties.credentialTtl());
			String token = sign(new JWTClaimsSet.Builder().issuer(ISSUER)
				.audience(INTERNAL_AUDIENCE)
				.subject(ISSUER)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(expiry))
				.build());
			current = new Credential(token, now.plus(this.properties.credentialTtl().dividedBy(2)));
			this.credential.set(current);
		}
		return current.token();
	}

	private String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("HS256 signing failed", ex);
		}
		return jwt.serialize();
	}

	private record Credential(String token, Instant renewAfter) {
	}

}
