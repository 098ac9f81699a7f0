package dev.carrier.testsupport;

import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, asked once per test JVM: where it does, the server
 * configurations of this package start Testcontainers; where it does not, they start
 * nothing and the tests use the local servers that {@code ./carrier test} starts, reached
 * through the same {@code CARRIER_*} settings as production. Both paths are real servers;
 * only where they run differs.
 */
public final class DockerEngine {

	/** Whether a Docker engine answered. */
	public static final boolean AVAILABLE = detect();

	private DockerEngine() {
	}

	private static boolean detect() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Logs, on the logger of {@code owner}, which path the tests take.
	 * @param owner the service's test configuration that names its servers
	 * @param withDocker the line logged when a Docker engine answered
	 * @param withoutDocker the line logged when none did
	 * @return whether a Docker engine answered
	 */
	public static boolean announce(Class<?> owner, String withDocker, String withoutDocker) {
		LoggerFactory.getLogger(owner).info(AVAILABLE ? withDocker : withoutDocker);
		return AVAILABLE;
	}

}
