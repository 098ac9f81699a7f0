package dev.carrier.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reader must really reject what the API server would not understand. */
class StrictKubernetesYamlTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: probe
			spec:
			  %s: 2
			  selector:
			    matchLabels: {app: probe}
			  template:
			    metadata:
			      labels: {app: probe}
			    spec:
			      containers:
			        - name: probe
			          image: example/probe:1.0
			          ports:
			            - %s: 8080
			""";

	@Test
	void readsAWellFormedDeploymentIntoTheModel() {
		List<HasMetadata> objects = StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replicas", "containerPort"));

		assertThat(objects).singleElement().isInstanceOf(Deployment.class);
		Deployment deployment = (Deployment) objects.getFirst();
		assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
		assertThat(deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.getFirst()
			.getPorts()
			.getFirst()
			.getContainerPort()).isEqualTo(8080);
	}

	@Test
	void rejectsAMisspelledFieldAtTheTopOfTheSpec() {
		assertThatThrownBy(() -> StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replicsa", "containerPort")))
			.hasMessageContaining("replicsa");
	}

	@Test
	void rejectsAMisspelledFieldDeepInsideThePodTemplate() {
		assertThatThrownBy(() -> StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replicas", "contianerPort")))
			.hasMessageContaining("contianerPort");
	}

	@Test
	void rejectsAKindCarrierDoesNotDeploy() {
		assertThatThrownBy(() -> StrictKubernetesYaml.parseAll("""
				apiVersion: batch/v1
				kind: CronJob
				metadata: {name: surprise}
				""")).hasMessageContaining("batch/v1/CronJob");
	}

	@Test
	void rejectsAnOutdatedApiVersion() {
		assertThatThrownBy(() -> StrictKubernetesYaml.parseAll("""
				apiVersion: autoscaling/v1
				kind: HorizontalPodAutoscaler
				metadata: {name: old}
				""")).hasMessageContaining("autoscaling/v1/HorizontalPodAutoscaler");
	}

}
