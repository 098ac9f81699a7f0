package dev.carrier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void sendsGoOverTheSocketUnlessToldOtherwise() {
		assertThat(Options.parse(new String[] {}).sendOver()).isEqualTo(Options.SendOver.SOCKET);
		assertThat(Options.parse(new String[] { "--mode", "open", "--send-over", "post", "--sweep", "100,200" })
			.sendOver()).isEqualTo(Options.SendOver.POST);
	}

	@Test
	void anUnknownWayToSendIsRefusedWithTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] { "--send-over", "http" }))
			.withMessageContaining("socket or post");
	}

	@Test
	void theUsageNamesTheFlag() {
		assertThat(Options.usage()).contains("--send-over socket|post");
	}

	@Test
	void theResultSaysHowTheMessagesWereSent(@TempDir Path dir) throws Exception {
		Path file = new Report(Options.parse(new String[] { "--send-over", "post" }), ZonedDateTime.now())
			.write(dir.resolve("result.json"));

		assertThat(Api.JSON.readTree(Files.readString(file)).path("sendOver").asString()).isEqualTo("post");
	}

	@Test
	void aRunThatSendsNothingSaysNothingAboutSending(@TempDir Path dir) throws Exception {
		Path file = new Report(Options.parse(new String[] { "--mode", "search" }), ZonedDateTime.now())
			.write(dir.resolve("result.json"));

		assertThat(Api.JSON.readTree(Files.readString(file)).has("sendOver")).isFalse();
	}

}
