package dev.carrier.gateway.support;

import java.util.Base64;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/** Checks, as a service would, what the gateway signed. */
public final class TrustKey {

	private TrustKey() {
	}

	/** The subject of a valid token for {@code audience}; fails the test otherwise. */
	public static String verify(String key, String token, String audience) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
				new ImmutableSecret<>(Base64.getDecoder().decode(key))));
		processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(audience, null, Set.of("sub", "exp", "iat", "jti")));
		try {
			return processor.process(token, null).getSubject();
		}
		catch (Exception ex) {
			throw new AssertionError("not a valid " + audience + " token: " + token, ex);
		}
	}

}
