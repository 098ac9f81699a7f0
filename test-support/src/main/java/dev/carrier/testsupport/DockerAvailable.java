package dev.carrier.testsupport;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a Docker engine answers ({@link DockerEngine#AVAILABLE}): the condition of
 * every container bean here.
 */
public class DockerAvailable implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return DockerEngine.AVAILABLE;
	}

}
