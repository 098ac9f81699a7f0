package dev.carrier.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates files of the repository from the deploy-check module, wherever Maven runs it
 * from.
 */
final class RepoFiles {

	private RepoFiles() {
	}

	static Path root() {
		Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
		for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("docker-compose.yml"))
					&& Files.isDirectory(candidate.resolve("k8s"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No repository root (with docker-compose.yml and k8s/) above " + dir);
	}

	static Path resolve(String relative) {
		return root().resolve(relative);
	}

}
