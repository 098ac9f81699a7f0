package dev.carrier.bench;

import java.util.List;
import java.util.concurrent.Callable;

/** A measured phase's result and the CPU each process used during it. */
record Measured<T>(T result, ProcessCpu.Usage cpu) {

	static <T> Measured<T> around(ProcessCpu cpu, Callable<T> phase) throws Exception {
		cpu.start();
		T result = phase.call();
		return new Measured<>(result, cpu.stop());
	}

	static <T> List<T> results(List<Measured<T>> repeats) {
		return repeats.stream().map(Measured::result).toList();
	}

	static <T> List<ProcessCpu.Usage> usages(List<Measured<T>> repeats) {
		return repeats.stream().map(Measured::cpu).toList();
	}

}
