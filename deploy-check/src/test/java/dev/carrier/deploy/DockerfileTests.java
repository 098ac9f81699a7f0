package dev.carrier.deploy;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four images are built alike, from one Dockerfile: layered jar on a pinned JRE,
 * non-root, health-checked; the gateway's target adds the web client.
 */
class DockerfileTests {

	@org.junit.jupiter.api.Test
	void oneDockerfileRunsTheLayeredJarAsNonRootOnAPinnedJre() throws IOException {
		String dockerfile = Files.readString(RepoFiles.resolve("Dockerfile"));

		assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).isNotEmpty()
			.allSatisfy(from -> assertThat(from)
				.matches("FROM (eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-\\w+|service)( AS \\w+)?"));
		assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}-${VERSION}.jar app.jar")
			.contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
			.contains("USER 10001:10001")
			.contains("HEALTHCHECK ")
			.contains("\"-XX:MaxRAMPercentage=75\"", "\"-XX:+ExitOnOutOfMemoryError\"")
			.contains("org.springframework.boot.loader.launch.JarLauncher")
			.contains("SERVER_ADDRESS=0.0.0.0")
			.contains("FROM service AS gateway\nCOPY frontend/dist/ /app/static/");
		for (String module : new String[] { "gateway", "auth-service", "chat-service", "persistence-service" }) {
			assertThat(RepoFiles.resolve(module + "/Dockerfile")).as("one Dockerfile for all").doesNotExist();
		}
	}

	@org.junit.jupiter.api.Test
	void theImageScriptBuildsEveryServiceFromTheOneDockerfile() throws IOException {
		String script = Files.readString(RepoFiles.resolve("scripts/images.sh"));

		assertThat(script).contains("--file \"$ROOT/Dockerfile\"", "--build-arg \"SERVICE=$s\"",
				"[[ $s == gateway ]] && target=gateway health=9080");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "auth-service", "chat-service", "persistence-service" })
	void dockerignoreLetsTheJarIntoTheBuildContext(String module) throws IOException {
		String dockerignore = Files.readString(RepoFiles.resolve(".dockerignore"));

		assertThat(dockerignore.lines()).contains("*", "!" + module + "/target/" + module + "-*.jar");
	}

}
