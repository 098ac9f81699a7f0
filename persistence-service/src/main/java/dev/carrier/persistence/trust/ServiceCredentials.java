package dev.carrier.persistence.trust;

import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.stereotype.Component;

/**
 * Checks the credential Carrier's own services send on {@code /internal/**}: an HS256 JWT
 * for the audience {@value #INTERNAL_AUDIENCE}, signed with the key every service shares
 * (docs/architecture.md, "Who may call whom").
 */
@Component
public class ServiceCredentials {

	/** The header that carries a caller's service credential. */
	public static final String HEADER = "X-Carrier-Service";

	static final String INTERNAL_AUDIENCE = "carrier-internal";

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	ServiceCredentials(TrustProperties properties) {
		this.processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(properties.keyBytes())));
		this.processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(INTERNAL_AUDIENCE, null, Set.of("sub", "exp", "iat", "jti")));
	}

	/**
	 * The service a valid credential names; empty for a missing, forged or expired one.
	 */
	public Optional<String> serviceOf(String credential) {
		if (credential == null || credential.isBlank() || credential.length() > 4096) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.processor.process(credential.strip(), null).getSubject());
		}
		catch (ParseException | BadJOSEException | JOSEException ex) {
			return Optional.empty();
		}
	}

}
