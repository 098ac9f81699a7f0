package dev.carrier.chat.realtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameBudgetTests {

	private final AtomicLong now = new AtomicLong();

	private final FrameBudget budget = new FrameBudget(20, 100, this.now::get);

	@Test
	void aBurstUpToTheBudgetPassesAndTheNextFrameDoesNot() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.budget.spend()).as("frame %d", i).isTrue();
		}
		assertThat(this.budget.spend()).isFalse();
	}

	@Test
	void theBudgetRefillsAtTheSteadyRateAndNoFurtherThanTheBurst() {
		for (int i = 0; i < 100; i++) {
			this.budget.spend();
		}
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
		int passed = 0;
		while (this.budget.spend()) {
			passed++;
		}
		assertThat(passed).isEqualTo(10);

		this.now.addAndGet(TimeUnit.HOURS.toNanos(1));
		passed = 0;
		while (this.budget.spend()) {
			passed++;
		}
		assertThat(passed).isEqualTo(100);
	}

	@Test
	void aClientSendingAtTheSteadyRateIsNeverRefused() {
		for (int i = 0; i < 10_000; i++) {
			this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
			assertThat(this.budget.spend()).as("frame %d", i).isTrue();
		}
	}

}
