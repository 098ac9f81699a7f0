package dev.carrier.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders k8s/overlays/dev and k8s/overlays/prod with a real kustomize, reads every
 * object strictly into the Kubernetes model, and checks what a rollout relies on.
 */
class KustomizeOverlaysTests {

	static final List<String> SERVICES = List.of("gateway", "auth-service", "chat-service", "persistence-service");

	static final List<String> DATA_STORES = List.of("redis", "mysql", "kafka");

	/** Which settings each service is given (docs/architecture.md, "Configuration"). */
	static final Map<String, Set<String>> SETTINGS = Map
		.of("gateway",
				Set.of("CARRIER_REDIS_URL", "CARRIER_AUTH_URL", "CARRIER_CHAT_URL", "CARRIER_GATEWAY_PORT",
						"CARRIER_WEBSOCKET_FEED_DISCOVER"),
				"auth-service",
				Set.of("CARRIER_REDIS_URL", "CARRIER_KAFKA_BOOTSTRAP", "CARRIER_PERSISTENCE_URL", "CARRIER_CHAT_URL",
						"CARRIER_SESSION_IDLE_TTL", "CARRIER_SESSION_MAX_AGE", "CARRIER_PBKDF2_ITERATIONS"),
				"chat-service",
				Set.of("CARRIER_REDIS_URL", "CARRIER_KAFKA_BOOTSTRAP", "CARRIER_AUTH_URL", "CARRIER_PERSISTENCE_URL",
						"CARRIER_CHAT_LEASE_TTL", "CARRIER_CHAT_LOGOUT_GRACE", "CARRIER_SWEEP_INTERVAL"),
				"persistence-service", Set.of("CARRIER_MYSQL_URL", "CARRIER_KAFKA_BOOTSTRAP"));

	private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

	static List<HasMetadata> overlay(String name) {
		return RENDERED.computeIfAbsent(name,
				n -> StrictKubernetesYaml.parseAll(Kustomize.render(RepoFiles.resolve("k8s/overlays/" + n))));
	}

	static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
		return all(objects, type).stream()
			.filter(o -> o.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
	}

	record Workload(String kind, String name, PodTemplateSpec template) {
	}

	static List<Workload> workloads(List<HasMetadata> objects) {
		List<Workload> workloads = new ArrayList<>();
		all(objects, Deployment.class).forEach(
				d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate())));
		all(objects, StatefulSet.class).forEach(
				s -> workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate())));
		return workloads;
	}

	static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return selector != null && !selector.isEmpty() && labels != null
				&& labels.entrySet().containsAll(selector.entrySet());
	}

	static boolean selects(LabelSelector selector, Map<String, String> labels) {
		boolean anyRule = false;
		if (selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()) {
			anyRule = true;
			if (!selects(selector.getMatchLabels(), labels)) {
				return false;
			}
		}
		for (LabelSelectorRequirement rule : selector.getMatchExpressions()) {
			anyRule = true;
			String value = labels.get(rule.getKey());
			boolean matches = switch (rule.getOperator()) {
				case "In" -> value != null && rule.getValues().contains(value);
				case "NotIn" -> value == null || !rule.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("unknown operator " + rule.getOperator());
			};
			if (!matches) {
				return false;
			}
		}
		return anyRule;
	}

	static boolean isPinned(String image) {
		if (image.contains("@sha256:")) {
			return true;
		}
		int colon = image.lastIndexOf(':');
		if (colon < 0 || colon < image.lastIndexOf('/')) {
			return false;
		}
		String tag = image.substring(colon + 1);
		return !tag.isBlank() && !tag.equals("latest");
	}

	@Test
	void pinnedImageRuleAcceptsTagsAndDigestsOnly() {
		assertThat(isPinned("carrier/gateway:0.1.0")).isTrue();
		assertThat(isPinned("apache/kafka:4.1.2")).isTrue();
		assertThat(isPinned("registry:5000/carrier/gateway@sha256:abc")).isTrue();
		assertThat(isPinned("carrier/gateway")).isFalse();
		assertThat(isPinned("carrier/gateway:latest")).isFalse();
		assertThat(isPinned("registry:5000/carrier/gateway")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void overlayRendersAndEveryObjectIsValidKubernetes(String overlay) {
		List<HasMetadata> objects = overlay(overlay);

		assertThat(objects).isNotEmpty();
		assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getName()).isNotBlank());
		assertThat(objects).filteredOn(o -> !(o instanceof Namespace))
			.allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo("carrier"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyOverlayRunsTheFourServicesBehindOneIngress(String overlay) {
		List<HasMetadata> objects = overlay(overlay);

		for (String service : SERVICES) {
			assertThat(named(objects, Deployment.class, service)).isNotNull();
			assertThat(named(objects, Service.class, service)).isNotNull();
			assertThat(named(objects, ConfigMap.class, service + "-config")).isNotNull();
			assertThat(named(objects, PodDisruptionBudget.class, service)).isNotNull();
			assertThat(named(objects, NetworkPolicy.class, service)).isNotNull();
		}
		assertThat(all(objects, HorizontalPodAutoscaler.class)).extracting(h -> h.getMetadata().getName())
			.containsExactlyInAnyOrder("gateway", "chat-service");
		assertThat(named(objects, Secret.class, "carrier-credentials").getStringData())
			.containsKeys("CARRIER_MYSQL_USER", "CARRIER_MYSQL_PASSWORD");
		assertThat(all(objects, Ingress.class)).singleElement().satisfies(ingress -> {
			assertThat(ingress.getSpec().getRules()).flatExtracting(r -> r.getHttp().getPaths())
				.extracting(p -> p.getBackend().getService().getName())
				.containsOnly("gateway");
			assertThat(Integer
				.parseInt(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
				.as("WebSockets stay open")
				.isGreaterThanOrEqualTo(3600);
		});
	}

	@Test
	void devOverlayAddsRedisMysqlAndKafkaAsSingleReplicaStatefulSetsWithVolumes() {
		List<HasMetadata> objects = overlay("dev");

		assertThat(all(objects, StatefulSet.class)).extracting(s -> s.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(DATA_STORES);
		assertThat(all(objects, StatefulSet.class)).allSatisfy(s -> {
			assertThat(s.getSpec().getReplicas()).isEqualTo(1);
			assertThat(s.getSpec().getVolumeClaimTemplates()).isNotEmpty();
			assertThat(named(objects, Service.class, s.getSpec().getServiceName())).isNotNull();
		});
		Container redis = named(objects, StatefulSet.class, "redis").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst();
		assertThat(String.join(" ", redis.getArgs())).contains("--notify-keyspace-events Ex");
		Container kafka = named(objects, StatefulSet.class, "kafka").getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst();
		assertThat(kafka.getEnv()).anySatisfy(e -> {
			assertThat(e.getName()).isEqualTo("KAFKA_MESSAGE_MAX_BYTES");
			assertThat(e.getValue()).isEqualTo("3145728");
		});
	}

	@Test
	void prodOverlayRunsNoDataStoreAndPointsEveryServiceAwayFromTheDevOnes() {
		List<HasMetadata> objects = overlay("prod");

		assertThat(all(objects, StatefulSet.class)).isEmpty();
		assertThat(all(objects, Service.class)).extracting(s -> s.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(
					Stream.concat(SERVICES.stream(), Stream.of("chat-service-pods")).toList());
		for (ConfigMap config : all(objects, ConfigMap.class)) {
			config.getData()
				.forEach((key, value) -> assertThat(value).as(key)
					.doesNotContain("redis://redis:", "//mysql:", "kafka:9092,", "mysql:3306")
					.isNotEqualTo("kafka:9092"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerHasProbesResourcesAndAPinnedImage(String overlay) {
		List<Workload> workloads = workloads(overlay(overlay));

		assertThat(workloads).isNotEmpty();
		for (Workload workload : workloads) {
			for (Container container : workload.template().getSpec().getContainers()) {
				String where = workload.kind() + " " + workload.name() + " / " + container.getName();
				assertThat(container.getReadinessProbe()).as(where + " readiness").isNotNull();
				assertThat(container.getLivenessProbe()).as(where + " liveness").isNotNull();
				assertThat(container.getResources().getRequests()).as(where + " requests")
					.containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(where + " limits").containsKeys("memory");
				assertThat(isPinned(container.getImage())).as(where + " image " + container.getImage()).isTrue();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void servicesDrainGracefullyAndRunAsNonRoot(String overlay) {
		for (String service : SERVICES) {
			Deployment deployment = named(overlay(overlay), Deployment.class, service);
			var pod = deployment.getSpec().getTemplate().getSpec();
			Container container = pod.getContainers().getFirst();

			assertThat(container.getImage()).isEqualTo("carrier/" + service + ":0.1.0");
			assertThat(container.getStartupProbe()).as(service + " startup probe").isNotNull();
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).first().isEqualTo("sleep");
			int preStop = Integer.parseInt(container.getLifecycle().getPreStop().getExec().getCommand().get(1));
			assertThat(pod.getTerminationGracePeriodSeconds()).as(service + " grace period")
				.isGreaterThan(preStop + 30L);
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServiceGetsExactlyTheSettingsItNeeds(String overlay) {
		List<HasMetadata> objects = overlay(overlay);
		for (String service : SERVICES) {
			Set<String> carrierKeys = new java.util.TreeSet<>(
					named(objects, ConfigMap.class, service + "-config").getData()
						.keySet()
						.stream()
						.filter(k -> k.startsWith("CARRIER_"))
						.toList());
			if (service.equals("persistence-service")) {
				carrierKeys.addAll(named(objects, Secret.class, "carrier-credentials").getStringData().keySet());
			}
			Set<String> expected = new java.util.TreeSet<>(SETTINGS.get(service));
			if (service.equals("persistence-service")) {
				expected.addAll(Set.of("CARRIER_MYSQL_USER", "CARRIER_MYSQL_PASSWORD"));
			}
			assertThat(carrierKeys).as(service).isEqualTo(expected);
			assertThat(named(objects, ConfigMap.class, service + "-config").getData()).containsEntry("SERVER_ADDRESS",
					"0.0.0.0");
		}
		List<String> secretUsers = workloads(objects).stream()
			.filter(w -> w.template()
				.getSpec()
				.getContainers()
				.stream()
				.anyMatch(c -> c.getEnvFrom()
					.stream()
					.anyMatch(
							e -> e.getSecretRef() != null && "carrier-credentials".equals(e.getSecretRef().getName()))))
			.map(Workload::name)
			.toList();
		assertThat(secretUsers).as("only persistence-service reads the MySQL credentials")
			.containsExactly("persistence-service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServiceReadsTheSharedTrustKeyAndProdNeverShipsTheDevOne(String overlay) {
		List<HasMetadata> objects = overlay(overlay);
		List<String> readers = workloads(objects).stream()
			.filter(w -> w.template()
				.getSpec()
				.getContainers()
				.stream()
				.anyMatch(c -> c.getEnvFrom()
					.stream()
					.anyMatch(e -> e.getSecretRef() != null && "carrier-trust".equals(e.getSecretRef().getName()))))
			.map(Workload::name)
			.toList();
		assertThat(readers).as("the gateway signs, every service checks").containsAll(SERVICES);
		String key = named(objects, Secret.class, "carrier-trust").getStringData().get("CARRIER_TRUST_KEY");
		String devKey = named(overlay("dev"), Secret.class, "carrier-trust").getStringData().get("CARRIER_TRUST_KEY");
		assertThat(java.util.Base64.getDecoder().decode(devKey)).as("HS256 needs 32+ bytes")
			.hasSizeGreaterThanOrEqualTo(32);
		if (overlay.equals("prod")) {
			assertThat(key).as("prod gets its key from a secret store, never the public dev key").isNotEqualTo(devKey);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServicePdbAndPolicySelectsSomePodTemplate(String overlay) {
		List<HasMetadata> objects = overlay(overlay);
		List<Workload> workloads = workloads(objects);

		for (Service service : all(objects, Service.class)) {
			assertThat(workloads).as("pods of Service " + service.getMetadata().getName())
				.anyMatch(w -> selects(service.getSpec().getSelector(), w.template().getMetadata().getLabels()));
		}
		for (PodDisruptionBudget pdb : all(objects, PodDisruptionBudget.class)) {
			assertThat(workloads).as("pods of PDB " + pdb.getMetadata().getName())
				.anyMatch(w -> selects(pdb.getSpec().getSelector(), w.template().getMetadata().getLabels()));
		}
		for (NetworkPolicy policy : all(objects, NetworkPolicy.class)) {
			LabelSelector selector = policy.getSpec().getPodSelector();
			boolean everyPod = (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
					&& selector.getMatchExpressions().isEmpty();
			if (!everyPod) {
				assertThat(workloads).as("pods of NetworkPolicy " + policy.getMetadata().getName())
					.anyMatch(w -> selects(selector, w.template().getMetadata().getLabels()));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theGatewayFindsEveryChatServicePodForItsFeeds(String overlay) {
		List<HasMetadata> objects = overlay(overlay);
		Map<String, String> gateway = named(objects, ConfigMap.class, "gateway-config").getData();
		URI discover = URI.create(gateway.get("CARRIER_WEBSOCKET_FEED_DISCOVER"));
		URI chat = URI.create(gateway.get("CARRIER_CHAT_URL"));
		Service pods = named(objects, Service.class, discover.getHost());

		assertThat(pods).as("the Service " + discover.getHost()).isNotNull();
		assertThat(pods.getSpec().getClusterIP()).as("a headless Service: its name resolves to each pod")
			.isEqualTo("None");
		assertThat(pods.getSpec().getSelector())
			.isEqualTo(named(objects, Service.class, chat.getHost()).getSpec().getSelector());
		assertThat(pods.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(discover.getPort());
		assertThat(discover.getPort()).isEqualTo(chat.getPort());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyAutoscalerTargetsAnExistingDeployment(String overlay) {
		List<HasMetadata> objects = overlay(overlay);
		Set<String> deployments = Set
			.copyOf(all(objects, Deployment.class).stream().map(d -> d.getMetadata().getName()).toList());

		assertThat(all(objects, HorizontalPodAutoscaler.class)).isNotEmpty().allSatisfy(hpa -> {
			assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
			assertThat(deployments).contains(hpa.getSpec().getScaleTargetRef().getName());
			assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
			assertThat(named(objects, Deployment.class, hpa.getSpec().getScaleTargetRef().getName()).getSpec()
				.getReplicas()).as("the HPA, not the manifest, owns the replica count").isNull();
		});
	}

	@Test
	void devNetworkPoliciesLetOnlyPersistenceServiceReachMysql() {
		List<HasMetadata> objects = overlay("dev");
		NetworkPolicy mysql = named(objects, NetworkPolicy.class, "mysql");

		List<String> allowed = Stream.of("gateway", "auth-service", "chat-service", "persistence-service")
			.filter(s -> mysql.getSpec()
				.getIngress()
				.stream()
				.flatMap(r -> r.getFrom().stream())
				.anyMatch(peer -> peer.getPodSelector() != null
						&& selects(peer.getPodSelector(), Map.of("app.kubernetes.io/name", s))))
			.toList();
		assertThat(allowed).containsExactly("persistence-service");
	}

}
