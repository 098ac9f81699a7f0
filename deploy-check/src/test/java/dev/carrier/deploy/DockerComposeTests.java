package dev.carrier.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml: checked by the compose CLI where one is installed ({@code config}
 * needs no engine), and always by reading the file itself.
 */
class DockerComposeTests {

	static final Set<String> APPS = Set.of("gateway", "auth-service", "chat-service", "persistence-service");

	static final Map<String, Set<String>> DEPENDS_ON = Map.of("persistence-service", Set.of("mysql", "kafka"),
			"auth-service", Set.of("redis", "kafka", "persistence-service"), "chat-service",
			Set.of("redis", "kafka", "auth-service", "persistence-service"), "gateway",
			Set.of("redis", "auth-service", "chat-service"));

	static Path composeFile() {
		return RepoFiles.resolve("docker-compose.yml");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services() throws IOException {
		// SafeConstructor resolves YAML merge keys (<<), as compose does.
		Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(composeFile()));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void composeCliAcceptsTheFile() {
		List<List<String>> clis = List.of(List.of("docker", "compose"), List.of("docker-compose"));
		List<String> cli = clis.stream()
			.filter(c -> Commands.run(RepoFiles.root(), concat(c, "version"), 60).succeeded())
			.findFirst()
			.orElse(null);
		assumeTrue(cli != null, "no docker compose or docker-compose CLI here; the file checks below still run");

		Commands.Result result = Commands.run(RepoFiles.root(),
				concat(cli, "-f", composeFile().toString(), "config", "-q"), 120);

		assertThat(result.exitCode()).as(result.stderr()).isZero();
	}

	@Test
	void runsTheFourServicesAndTheirDataStores() throws IOException {
		assertThat(services().keySet()).containsExactlyInAnyOrder("redis", "mysql", "kafka", "gateway", "auth-service",
				"chat-service", "persistence-service");
		for (String app : APPS) {
			assertThat(services().get(app)).containsEntry("image", "carrier/" + app + ":0.1.0");
		}
		assertThat(services().get("redis")).containsEntry("image", "redis:7.4");
		assertThat(services().get("mysql")).containsEntry("image", "mysql:8.4");
		assertThat(services().get("kafka")).containsEntry("image", "apache/kafka:4.1.2");
	}

	@Test
	void onlyTheGatewayPublishesAPortAnd8080IsIt() throws IOException {
		services().forEach((name, service) -> {
			if (name.equals("gateway")) {
				assertThat((List<?>) service.get("ports")).singleElement()
					.asString()
					.matches("(\\$\\{CARRIER_GATEWAY_PORT:-8080\\}|8080):8080");
			}
			else {
				assertThat(service).as(name).doesNotContainKey("ports");
			}
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAHealthCheckAndStartsAfterItsDependenciesAreHealthy() throws IOException {
		services().forEach((name, service) -> {
			Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
			assertThat(healthcheck).as(name + " healthcheck").isNotNull().containsKey("test");
			assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
		});
		DEPENDS_ON.forEach((app, needs) -> {
			Map<String, Map<String, Object>> dependsOn = null;
			try {
				dependsOn = (Map<String, Map<String, Object>>) services().get(app).get("depends_on");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(dependsOn).as(app).isNotNull();
			assertThat(dependsOn.keySet()).as(app).containsExactlyInAnyOrderElementsOf(needs);
			dependsOn.forEach((dependency, how) -> assertThat(how).as(app + " -> " + dependency)
				.containsEntry("condition", "service_healthy"));
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void dataStoresAreConfiguredAsCarrierNeedsThem() throws IOException {
		assertThat(String.join(" ", (List<String>) services().get("redis").get("command")))
			.contains("--notify-keyspace-events Ex");
		Map<String, Object> kafka = (Map<String, Object>) services().get("kafka").get("environment");
		assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_MESSAGE_MAX_BYTES", 3145728);
		Map<String, Object> mysql = (Map<String, Object>) services().get("mysql").get("environment");
		assertThat(mysql).containsEntry("MYSQL_DATABASE", "carrier");
		Map<String, Object> persistence = (Map<String, Object>) services().get("persistence-service")
			.get("environment");
		assertThat(persistence).containsEntry("CARRIER_MYSQL_URL", "jdbc:mysql://mysql:3306/carrier");
		for (String app : Set.of("gateway", "auth-service", "chat-service")) {
			assertThat((Map<String, Object>) services().get(app).get("environment")).as(app)
				.doesNotContainKeys("CARRIER_MYSQL_URL", "CARRIER_MYSQL_PASSWORD");
		}
		for (String app : Set.of("gateway", "auth-service", "chat-service", "persistence-service")) {
			assertThat(String
				.valueOf(((Map<String, Object>) services().get(app).get("environment")).get("CARRIER_TRUST_KEY")))
				.as(app + " gets the shared key, and compose refuses to start without one")
				.startsWith("${CARRIER_TRUST_KEY:?");
		}
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new java.util.ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

}
