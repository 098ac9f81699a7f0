package dev.carrier.chat.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReloadScriptAnswersTests {

	@Test
	void beginReloadAnswersAreRead() {
		assertThat(ReloadClaim.fromScript("cached")).isEqualTo(ReloadClaim.CACHED);
		assertThat(ReloadClaim.fromScript("claimed")).isEqualTo(ReloadClaim.CLAIMED);
		assertThat(ReloadClaim.fromScript("busy")).isEqualTo(ReloadClaim.BUSY);
	}

	@Test
	void installOutcomesKeepTheScriptsWordsAsTheirMetricTag() {
		for (String word : new String[] { "installed", "cached", "fenced" }) {
			assertThat(InstallOutcome.fromScript(word).metricTag()).isEqualTo(word);
		}
	}

	@Test
	void anAnswerTheScriptsDoNotGiveIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> InstallOutcome.fromScript("rewound"));
	}

}
