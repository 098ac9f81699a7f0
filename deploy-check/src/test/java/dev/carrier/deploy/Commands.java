package dev.carrier.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command with a bound on its time, capturing what it prints. */
final class Commands {

	record Result(int exitCode, String stdout, String stderr) {

		boolean succeeded() {
			return exitCode == 0;
		}

	}

	private Commands() {
	}

	static Result run(Path workingDir, List<String> command, long timeoutSeconds) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, out.getNow(""), "timed out after " + timeoutSeconds + " s: " + command);
			}
			return new Result(process.exitValue(), out.join(), err.join());
		}
		catch (IOException ex) {
			// Not installed: the same answer as a failing command, so callers try the
			// next tool.
			return new Result(-1, "", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "", "interrupted");
		}
	}

	private static String read(java.io.InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
