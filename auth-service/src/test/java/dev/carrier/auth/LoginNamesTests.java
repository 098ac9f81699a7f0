package dev.carrier.auth;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginNamesTests {

	@Test
	void everyKindOfSpaceAroundANameIsDroppedAndCaseIgnored() {
		for (String padded : new String[] { " Alice ", "\u00A0Alice\u00A0", "\u2000Alice\u200A", "\u200BAlice\u200B",
				"\u3000Alice\u3000", "\uFEFF\u202FAlice\u205F\t\n", "\u2003\u200B ALICE" }) {
			assertThat(LoginNames.normalize(padded)).as(padded.codePoints().boxed().toList().toString())
				.isEqualTo("alice");
		}
	}

	@Test
	void fullWidthAndCompatibilityFormsAreTheirPlainLetters() {
		assertThat(LoginNames.normalize("\uFF21\uFF4C\uFF49\uFF43\uFF45")).isEqualTo("alice");
		assertThat(LoginNames.normalize("\uFB01le@example.com")).isEqualTo("file@example.com");
		assertThat(LoginNames.canonical("\u00A0\uFF21lice@Example.com ")).isEqualTo("Alice@Example.com");
	}

	@Test
	void namesIndexedBeforeKeepTheirKeys() {
		// Usernames were [A-Za-z0-9_.-] and indexed lower-cased: the same key as today.
		for (String existing : new String[] { "Bob_99", "a.b-c", "Someone@Example.COM" }) {
			assertThat(LoginNames.normalize(existing)).isEqualTo(existing.toLowerCase(Locale.ROOT));
		}
		assertThat(LoginNames.normalize("al ice")).isEqualTo("al ice");
	}

}
