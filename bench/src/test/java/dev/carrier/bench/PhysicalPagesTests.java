package dev.carrier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stack's physical memory: each resident page counted once, however many of the
 * servers map it, where the sum of VmRSS counts it once per process.
 */
class PhysicalPagesTests {

	private final long self = ProcessHandle.current().pid();

	@Test
	void aPageTwoServersMapCountsOnce() throws IOException {
		assumeTrue(status("Uid:").startsWith("0"), "the kernel shows page frames to root only");
		long resident = Long.parseLong(status("VmRSS:").replaceAll("[^0-9]", ""));

		long alone = PhysicalPages.distinctKb(List.of(server("alone"))).orElseThrow();
		long twice = PhysicalPages.distinctKb(List.of(server("one"), server("other"))).orElseThrow();

		assertThat(alone).isBetween(resident / 2, resident * 11 / 10);
		assertThat(twice).isBetween(alone * 9 / 10, alone * 11 / 10);
	}

	@Test
	void aServerThatIsGoneCountsNothing() {
		long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;

		assertThat(PhysicalPages.distinctKb(List.of(new StackProcesses.Server("gone", gone, "test"))))
			.satisfiesAnyOf((kb) -> assertThat(kb).isEmpty(), (kb) -> assertThat(kb).hasValue(0));
	}

	private StackProcesses.Server server(String name) {
		return new StackProcesses.Server(name, this.self, "test");
	}

	private static String status(String field) throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith(field))
			.findFirst()
			.orElseThrow()
			.substring(field.length())
			.trim();
	}

}
