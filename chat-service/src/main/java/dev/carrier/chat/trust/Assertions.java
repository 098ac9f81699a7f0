package dev.carrier.chat.trust;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may call: checks the gateway's identity assertion on {@code /api/**} (audience
 * {@value #API_AUDIENCE}) and a service credential on {@code /internal/**} (audience
 * {@value #INTERNAL_AUDIENCE}), and makes this service's own credential for its calls to
 * other services. Both are HS256 JWTs over the key shared with the gateway
 * (docs/architecture.md, "Who may call whom"); a bare {@code X-Carrier-User-Id} proves
 * nothing.
 */
@Component
public class Assertions {

	/** The header that carries the gateway's identity assertion of a routed request. */
	public static final String IDENTITY_HEADER = "X-Carrier-Identity";

	/** The header that carries a caller's service credential on {@code /internal/**}. */
	public static final String SERVICE_HEADER = "X-Carrier-Service";

	static final String API_AUDIENCE = "carrier-api";

	static final String INTERNAL_AUDIENCE = "carrier-internal";

	private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "exp", "iat", "jti");

	private final DefaultJWTProcessor<SecurityContext> identities;

	private final DefaultJWTProcessor<SecurityContext> services;

	private final MACSigner signer;

	private final TrustProperties properties;

	private final String serviceName;

	private final Clock clock;

	private final AtomicReference<Credential> credential = new AtomicReference<>();

	/**
	 * Assertions verified already, with their subject, until they expire. The gateway
	 * hands a user the same assertion for half its life, so a steady client's requests
	 * cost one HMAC check and one claims check per 15 s instead of one per request (9 %
	 * of this service's CPU on the send path, issue 17). A token is only ever cached
	 * after it verified, and only until its own expiry, so the cache accepts nothing the
	 * verifier would refuse.
	 */
	private final Cache<String, Verified> verified = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	@Autowired
	public Assertions(TrustProperties properties, @Value("${spring.application.name}") String serviceName) {
		this(properties, serviceName, Clock.systemUTC());
	}

	Assertions(TrustProperties properties, String serviceName, Clock clock) {
		this.clock = clock;
		this.identities = processorFor(properties, API_AUDIENCE, clock);
		this.services = processorFor(properties, INTERNAL_AUDIENCE, clock);
		try {
			this.signer = new MACSigner(properties.keyBytes());
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("carrier.trust.key cannot sign HS256", ex);
		}
		this.properties = properties;
		this.serviceName = serviceName;
	}

	/**
	 * The user a valid identity assertion names; empty for a missing, forged or expired
	 * one.
	 */
	public Optional<String> userOf(String assertion) {
		if (assertion == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Verified known = this.verified.getIfPresent(assertion);
		if (known != null && now.isBefore(known.expiresAt())) {
			return Optional.of(known.subject());
		}
		Optional<JWTClaimsSet> claims = claimsOf(this.identities, assertion);
		claims.filter((c) -> c.getSubject() != null && c.getExpirationTime() != null)
			.ifPresent((c) -> this.verified.put(assertion,
					new Verified(c.getSubject(), c.getExpirationTime().toInstant())));
		return claims.map(JWTClaimsSet::getSubject);
	}

	/**
	 * The service a valid service credential names; empty for a missing, forged or
	 * expired one.
	 */
	public Optional<String> serviceOf(String credential) {
		return claimsOf(this.services, credential).map(JWTClaimsSet::getSubject);
	}

	/**
	 * This service's credential for other services' {@code /internal/**}, renewed at
	 * half-life.
	 */
	public String serviceCredential() {
		Instant now = this.clock.instant();
		Credential current = this.credential.get();
		if (current == null || now.isAfter(current.renewAfter())) {
			current = new Credential(sign(now), now.plus(this.properties.credentialTtl().dividedBy(2)));
			this.credential.set(current);
		}
		return current.token();
	}

	private String sign(Instant now) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.serviceName)
			.audience(INTERNAL_AUDIENCE)
			.subject(this.serviceName)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.credentialTtl())))
			.build();
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

	private static Optional<JWTClaimsSet> claimsOf(DefaultJWTProcessor<SecurityContext> processor, String token) {
		if (token == null || token.isBlank() || token.length() > 4096) {
			return Optional.empty();
		}
		try {
			return Optional.of(processor.process(token.strip(), null));
		}
		catch (ParseException | BadJOSEException | JOSEException ex) {
			return Optional.empty();
		}
	}

	private static DefaultJWTProcessor<SecurityContext> processorFor(TrustProperties properties, String audience,
			Clock clock) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(properties.keyBytes())));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience, null, REQUIRED_CLAIMS) {

			@Override
			protected Date currentTime() {
				return Date.from(clock.instant());
			}

		});
		return processor;
	}

	private record Credential(String token, Instant renewAfter) {
	}

	private record Verified(String subject, Instant expiresAt) {
	}

}
