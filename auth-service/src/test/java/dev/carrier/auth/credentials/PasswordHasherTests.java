package dev.carrier.auth.credentials;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	private final HashingPool pool = new HashingPool(new PasswordProperties(1000, 1, 4, 2, 8));

	private final PasswordHasher hasher = new PasswordHasher(new PasswordProperties(1000, 1, 4, 2, 8), this.pool);

	@AfterEach
	void stopPool() {
		this.pool.destroy();
	}

	@Test
	void hashIsSelfDescribingPbkdf2WithA16ByteSaltAndA256BitHash() {
		String hash = this.hasher.hash("correct horse");
		String[] parts = hash.split("\\$");
		assertThat(parts).hasSize(4);
		assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
		assertThat(parts[1]).isEqualTo("1000");
		assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(16);
		assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(32);
	}

	@Test
	void matchesOnlyTheRightPassword() {
		String hash = this.hasher.hash("correct horse");
		assertThat(this.hasher.matches("correct horse", hash, Requester.SERVICE)).isTrue();
		assertThat(this.hasher.matches("correct horsE", hash, Requester.SERVICE)).isFalse();
		assertThat(this.hasher.matches("", hash, Requester.SERVICE)).isFalse();
		assertThat(this.hasher.matches("correct horse", "garbage", Requester.SERVICE)).isFalse();
		assertThat(this.hasher.matches("correct horse", null, Requester.SERVICE)).isFalse();
	}

	@Test
	void everyHashHasItsOwnSalt() {
		assertThat(this.hasher.hash("same")).isNotEqualTo(this.hasher.hash("same"));
	}

	@Test
	void matchesTheKnownPbkdf2Vector() {
		// RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", c=1, dkLen=64) starts
		// 55ac046e
		byte[] derived = PasswordHasher.pbkdf2("passwd", "salt".getBytes(), 1);
		assertThat(java.util.HexFormat.of().formatHex(derived)).startsWith("55ac046e56e3089f");
	}

	@Test
	void hashesMadeAtALowerCountNeedAnUpgradeAndStillVerify() {
		PasswordHasher older = new PasswordHasher(new PasswordProperties(500, 1, 4, 2, 8), this.pool);
		String oldHash = older.hash("correct horse");
		assertThat(this.hasher.needsUpgrade(oldHash)).isTrue();
		assertThat(this.hasher.matches("correct horse", oldHash, Requester.SERVICE)).isTrue();
		assertThat(this.hasher.needsUpgrade(this.hasher.hash("correct horse"))).isFalse();
	}

}
