package dev.carrier.chat.realtime;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection's frames: written one at a time in the order they were queued, however
 * many threads queue them; no more than the limit wait; a failed write drops what waits
 * and tells the owner; a buffering connection is flushed once per drain, after the last
 * frame waiting.
 */
class SerialWriterTests {

	private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Integer> written = new CopyOnWriteArrayList<>();

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	@AfterEach
	void stop() {
		this.writers.shutdownNow();
	}

	@Test
	void framesAreWrittenInTheOrderTheyWereQueued() {
		SerialWriter<Integer> writer = new SerialWriter<>(this.writers, this.written::add, this.failure::set);

		IntStream.range(0, 10_000).forEach((i) -> writer.add(i, Integer.MAX_VALUE));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.written.size() == 10_000);
		assertThat(this.written).isSorted().doesNotHaveDuplicates();
		assertThat(writer.waiting()).isZero();
	}

	@Test
	void noMoreThanTheLimitWaitsForAStalledConnection() throws InterruptedException {
		CountDownLatch stalled = new CountDownLatch(1);
		SerialWriter<Integer> writer = stalledOnItsFirstFrame(stalled);

		assertThat(List.of(writer.add(1, 3), writer.add(2, 3), writer.add(3, 3), writer.add(4, 3)))
			.containsExactly(true, true, true, false);
		stalled.countDown();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.written.size() == 4);
		assertThat(this.written).containsExactly(0, 1, 2, 3);
	}

	@Test
	void aFailedWriteDropsWhatWaitsAndTellsTheOwner() {
		CountDownLatch stalled = new CountDownLatch(1);
		SerialWriter<Integer> writer = new SerialWriter<>(this.writers, (frame) -> {
			awaitQuietly(stalled);
			throw new IOException("broken pipe");
		}, this.failure::set);
		IntStream.range(0, 5).forEach((i) -> writer.add(i, Integer.MAX_VALUE));

		stalled.countDown();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.failure.get() != null);
		assertThat(this.failure.get()).hasMessage("broken pipe");
		await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 0);
	}

	@Test
	void aCallerThatMayWaitWritesItsFrameItselfWhenNoWriterRuns() {
		List<Thread> writtenBy = new CopyOnWriteArrayList<>();
		SerialWriter<Integer> writer = new SerialWriter<>((task) -> {
			throw new AssertionError("no writer thread should start");
		}, (frame) -> {
			writtenBy.add(Thread.currentThread());
			this.written.add(frame);
		}, this.failure::set);

		assertThat(writer.addAndWrite(1, 3)).isTrue();
		assertThat(writer.addAndWrite(2, 3)).isTrue();

		assertThat(this.written).containsExactly(1, 2);
		assertThat(writtenBy).containsOnly(Thread.currentThread());
		assertThat(writer.waiting()).isZero();
	}

	@Test
	void aCallerThatMayWaitOnlyQueuesBehindARunningWriterAndKeepsTheOrder() {
		CountDownLatch stalled = new CountDownLatch(1);
		SerialWriter<Integer> writer = stalledOnItsFirstFrame(stalled);

		assertThat(writer.addAndWrite(1, 3)).isTrue();
		assertThat(writer.add(2, 3)).isTrue();
		assertThat(this.written).isEmpty();
		stalled.countDown();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.written.size() == 3);
		assertThat(this.written).containsExactly(0, 1, 2);
	}

	@Test
	void theFramesQueuedWhileTheWriterIsBusyLeaveInOneFlushAfterTheLastOfThem() throws InterruptedException {
		List<String> connection = new CopyOnWriteArrayList<>();
		CountDownLatch stalled = new CountDownLatch(1);
		SerialWriter<Integer> writer = new SerialWriter<>(this.writers, (frame) -> {
			if (frame == 0) {
				awaitQuietly(stalled);
			}
			connection.add("frame " + frame);
		}, () -> connection.add("flush"), this.failure::set);
		writer.add(0, 10);
		await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 0);

		IntStream.rangeClosed(1, 3).forEach((i) -> writer.add(i, 10));
		stalled.countDown();

		await().atMost(Duration.ofSeconds(5)).until(() -> connection.contains("flush"));
		assertThat(connection).containsExactly("frame 0", "frame 1", "frame 2", "frame 3", "flush");
	}

	@Test
	void aLoneFrameIsFlushedAtOnceByTheCallerThatWroteIt() {
		List<String> connection = new CopyOnWriteArrayList<>();
		SerialWriter<Integer> writer = new SerialWriter<>((task) -> {
			throw new AssertionError("no writer thread should start");
		}, (frame) -> connection.add("frame " + frame), () -> connection.add("flush"), this.failure::set);

		writer.addAndWrite(1, 3);

		assertThat(connection).containsExactly("frame 1", "flush");
	}

	@Test
	void aFailedFlushTellsTheOwnerAndAFailedWriteIsNotFlushed() {
		SerialWriter<Integer> flushFails = new SerialWriter<>(Runnable::run, this.written::add, () -> {
			throw new IOException("reset by peer");
		}, this.failure::set);
		flushFails.add(1, 3);
		assertThat(this.failure.get()).hasMessage("reset by peer");

		List<String> flushes = new CopyOnWriteArrayList<>();
		SerialWriter<Integer> writeFails = new SerialWriter<>(Runnable::run, (frame) -> {
			throw new IOException("broken pipe");
		}, () -> flushes.add("flush"), this.failure::set);
		writeFails.add(2, 3);
		assertThat(this.failure.get()).hasMessage("broken pipe");
		assertThat(flushes).isEmpty();
	}

	/**
	 * A writer whose connection takes frame 0 and then stalls until {@code stalled} is
	 * counted down: the writer thread runs, and nothing waits.
	 */
	private SerialWriter<Integer> stalledOnItsFirstFrame(CountDownLatch stalled) {
		SerialWriter<Integer> writer = new SerialWriter<>(this.writers, (frame) -> {
			awaitQuietly(stalled);
			this.written.add(frame);
		}, this.failure::set);
		writer.add(0, 3);
		await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 0);
		return writer;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
