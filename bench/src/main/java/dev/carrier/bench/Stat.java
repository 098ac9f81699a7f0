package dev.carrier.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One figure over the repeats of a phase: the report gives the median, and the range
 * (min–max) when there was more than one repeat.
 */
record Stat(List<Double> runs) {

	static <T> Stat of(List<T> repeats, ToDoubleFunction<T> figure) {
		List<Double> values = new ArrayList<>();
		for (T repeat : repeats) {
			values.add(figure.applyAsDouble(repeat));
		}
		return new Stat(values);
	}

	double median() {
		// a repeat without a value (NaN: no durable message to divide by) does not count
		List<Double> sorted = runs.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return runs.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
	}

	double max() {
		return runs.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
	}

	/** The median as {@code format} has it, then "(min–max)" when there were repeats. */
	String text(String format) {
		if (Double.isNaN(median())) {
			// e.g. CPU per message when no repeat had a single durable message
			return "n/a";
		}
		String median = String.format(format, median());
		return runs.size() < 2 ? median
				: median + " (" + String.format(format, min()) + "–" + String.format(format, max()) + ")";
	}

	/** {@code {"median":…, "min":…, "max":…, "runs":[…]}}, rounded to 0.01. */
	Map<String, Object> json() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("median", round(median()));
		out.put("min", round(min()));
		out.put("max", round(max()));
		out.put("runs", runs.stream().map(Stat::round).toList());
		return out;
	}

	static Double round(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100) / 100.0;
	}

}
