package dev.carrier.gateway.trust;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key the gateway and the services share to prove who is calling
 * (docs/architecture.md, "Who may call whom").
 *
 * @param key at least 32 random bytes, base64-encoded ({@code CARRIER_TRUST_KEY}; a
 * Kubernetes Secret in a cluster). No default: a well-known key would let anyone on the
 * network act as anyone.
 * @param assertionTtl how long an identity assertion stays valid (a user's is reused for
 * the first half of it)
 * @param credentialTtl how long the gateway's own service credential stays valid
 * @param assertionCacheSize how many users' assertions are kept for reuse
 */
@ConfigurationProperties("carrier.trust")
public record TrustProperties(String key, @DefaultValue("30s") Duration assertionTtl,
		@DefaultValue("5m") Duration credentialTtl, @DefaultValue("10000") int assertionCacheSize) {

	static final int MINIMUM_KEY_BYTES = 32;

	public TrustProperties {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException(
					"carrier.trust.key is not set: set CARRIER_TRUST_KEY to 32+ random bytes, base64-encoded "
							+ "(openssl rand -base64 32), the same for the gateway and every service");
		}
		if (keyBytes(key).length < MINIMUM_KEY_BYTES) {
			throw new IllegalArgumentException(
					"carrier.trust.key must decode to at least " + MINIMUM_KEY_BYTES + " bytes");
		}
	}

	byte[] keyBytes() {
		return keyBytes(this.key);
	}

	private static byte[] keyBytes(String key) {
		try {
			return Base64.getDecoder().decode(key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("carrier.trust.key must be base64-encoded", ex);
		}
	}

}
