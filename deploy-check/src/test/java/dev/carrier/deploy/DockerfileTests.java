package dev.carrier.deploy;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four images are built alike: layered jar on a pinned JRE, non-root, health-checked.
 */
class DockerfileTests {

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "auth-service", "chat-service", "persistence-service" })
	void imageRunsTheLayeredJarAsNonRootOnAPinnedJre(String module) throws IOException {
		String dockerfile = Files.readString(RepoFiles.resolve(module + "/Dockerfile"));

		assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).isNotEmpty()
			.allSatisfy(
					from -> assertThat(from).matches("FROM eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-\\w+( AS \\w+)?"));
		assertThat(dockerfile).contains("COPY " + module + "/target/" + module + "-${VERSION}.jar app.jar")
			.contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
			.contains("USER 10001:10001")
			.contains("HEALTHCHECK ")
			.contains("\"-XX:MaxRAMPercentage=75\"", "\"-XX:+ExitOnOutOfMemoryError\"")
			.contains("org.springframework.boot.loader.launch.JarLauncher")
			.contains("SERVER_ADDRESS=0.0.0.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "auth-service", "chat-service", "persistence-service" })
	void dockerignoreLetsTheJarIntoTheBuildContext(String module) throws IOException {
		String dockerignore = Files.readString(RepoFiles.resolve(".dockerignore"));

		assertThat(dockerignore.lines()).contains("*", "!" + module + "/target/" + module + "-*.jar");
	}

}
