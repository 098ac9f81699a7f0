package dev.carrier.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The physical memory the stack's servers hold together: every resident page counted
 * once, however many of them map it. The sum of VmRSS counts a page once per process that
 * maps it (libjvm.so, the JDK's class archive, the AOT cache both chat-service instances
 * load); the sum of Pss splits such a page among every process that maps it, the
 * machine's own included. This counts the page frames themselves, read from each
 * process's {@code /proc/<pid>/pagemap} (Linux,
 * {@code Documentation/admin-guide/mm/pagemap.rst}): one 64-bit entry per virtual page,
 * bit 63 set when the page is resident, bits 0–54 its frame number. The kernel shows
 * frame numbers only to a process with {@code CAP_SYS_ADMIN}; without it every number
 * reads 0 and there is no figure.
 */
final class PhysicalPages {

	private static final long PRESENT = 1L << 63;

	private static final long FRAME_NUMBER = (1L << 55) - 1;

	private static final int ENTRIES_PER_READ = 64 * 1024;

	private PhysicalPages() {
	}

	/**
	 * The distinct resident pages of the servers, in kB; empty when the frame numbers are
	 * hidden or this is not Linux. A server gone meanwhile counts nothing.
	 */
	static OptionalLong distinctKb(List<StackProcesses.Server> servers) {
		long pageKb = pageKb();
		Frames frames = new Frames();
		for (StackProcesses.Server server : servers) {
			try {
				read(server.pid(), pageKb * 1024, frames);
			}
			catch (IOException | RuntimeException ex) {
				// gone, or its pagemap is not ours to read
			}
		}
		if (frames.hidden) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(frames.distinct() * pageKb);
	}

	private static void read(long pid, long pageSize, Frames frames) throws IOException {
		List<String> mappings = Files.readAllLines(Path.of("/proc/" + pid + "/maps"));
		ByteBuffer entries = ByteBuffer.allocate(ENTRIES_PER_READ * Long.BYTES).order(ByteOrder.nativeOrder());
		try (FileChannel pagemap = FileChannel.open(Path.of("/proc/" + pid + "/pagemap"))) {
			for (String mapping : mappings) {
				// the vsyscall page lies outside the process's own address space:
				// pagemap has no entries for it
				if (mapping.endsWith("[vsyscall]")) {
					continue;
				}
				String[] range = mapping.substring(0, mapping.indexOf(' ')).split("-");
				long start = Long.parseUnsignedLong(range[0], 16) / pageSize;
				long end = Long.parseUnsignedLong(range[1], 16) / pageSize;
				for (long page = start; page < end; page += ENTRIES_PER_READ) {
					entries.clear().limit((int) Math.min(ENTRIES_PER_READ, end - page) * Long.BYTES);
					int read = pagemap.read(entries, page * Long.BYTES);
					entries.flip();
					for (int i = 0; i < read / Long.BYTES; i++) {
						frames.add(entries.getLong());
					}
				}
			}
		}
	}

	/** The kernel's page size in kB, from the first mapping of this process. */
	private static long pageKb() {
		try (var lines = Files.lines(Path.of("/proc/self/smaps"))) {
			return lines.filter((line) -> line.startsWith("KernelPageSize:"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.orElse(4L);
		}
		catch (IOException | RuntimeException ex) {
			return 4;
		}
	}

	/** The frame numbers of resident pages, gathered, then sorted to count each once. */
	private static final class Frames {

		private long[] numbers = new long[1 << 16];

		private int count;

		private boolean hidden;

		void add(long entry) {
			if ((entry & PRESENT) == 0) {
				return;
			}
			long number = entry & FRAME_NUMBER;
			if (number == 0) {
				this.hidden = true;
				return;
			}
			if (this.count == this.numbers.length) {
				this.numbers = Arrays.copyOf(this.numbers, this.count * 2);
			}
			this.numbers[this.count++] = number;
		}

		long distinct() {
			Arrays.sort(this.numbers, 0, this.count);
			long distinct = 0;
			for (int i = 0; i < this.count; i++) {
				if (i == 0 || this.numbers[i] != this.numbers[i - 1]) {
					distinct++;
				}
			}
			return distinct;
		}

	}

}
