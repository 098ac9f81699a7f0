package dev.carrier.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Kubernetes YAML into the fabric8 model so that a field the API does not know
 * fails. fabric8's model classes keep unknown fields in an {@code additionalProperties}
 * map through a Jackson any-setter, which would swallow a typo; the mapper here removes
 * every any-setter and fails on unknown properties instead.
 */
final class StrictKubernetesYaml {

	/**
	 * The kinds Carrier deploys, by {@code apiVersion/kind}; anything else is a mistake.
	 */
	static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/Namespace", Namespace.class), Map.entry("v1/ConfigMap", ConfigMap.class),
			Map.entry("v1/Secret", Secret.class), Map.entry("v1/Service", Service.class),
			Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

	private static final ObjectMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(
				new SimpleModule("no-additional-properties").setDeserializerModifier(new ValueDeserializerModifier() {
					@Override
					public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
							BeanDescription.Supplier beanDesc, BeanDeserializerBuilder builder) {
						builder.setAnySetter(null);
						return builder;
					}
				}))
		.build();

	private StrictKubernetesYaml() {
	}

	/**
	 * Every document of a multi-document YAML stream, each as its typed Kubernetes
	 * object.
	 */
	static List<HasMetadata> parseAll(String yaml) {
		List<HasMetadata> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document == null || document.isNull() || document.isEmpty()) {
					continue;
				}
				objects.add(parse(document));
			}
		}
		return objects;
	}

	private static HasMetadata parse(JsonNode document) {
		String key = document.path("apiVersion").asString() + "/" + document.path("kind").asString();
		Class<? extends HasMetadata> type = KINDS.get(key);
		if (type == null) {
			throw new IllegalArgumentException("Unexpected kind " + key + " in:\n" + document);
		}
		return MAPPER.treeToValue(document, type);
	}

}
