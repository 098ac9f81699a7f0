package dev.carrier.e2e.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A generator of test cases: everything it draws comes from the {@link RandomGenerator}
 * it is given, so a run can be replayed from its seed. Deliberately tiny: no shrinking,
 * no edge-case bias.
 *
 * @param <T> what it generates
 */
@FunctionalInterface
public interface Gen<T> {

	T next(RandomGenerator random);

	default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
		return random -> mapper.apply(next(random));
	}

	default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
		return random -> mapper.apply(next(random)).next(random);
	}

	/**
	 * Draws until a value passes; a filter that (almost) never passes is a bug in the
	 * generator.
	 */
	default Gen<T> filter(Predicate<? super T> accept) {
		return random -> {
			for (int attempt = 0; attempt < 10_000; attempt++) {
				T value = next(random);
				if (accept.test(value)) {
					return value;
				}
			}
			throw new IllegalStateException("the filter rejected 10,000 values in a row");
		};
	}

	static <T> Gen<T> just(T value) {
		return random -> value;
	}

	@SafeVarargs
	static <T> Gen<T> of(T... values) {
		return of(Arrays.asList(values));
	}

	static <T> Gen<T> of(List<T> values) {
		List<T> copy = List.copyOf(values);
		return random -> copy.get(random.nextInt(copy.size()));
	}

	/** One of the generators, each as likely as the others. */
	@SafeVarargs
	static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
		List<Gen<? extends T>> copy = List.of(gens);
		return random -> copy.get(random.nextInt(copy.size())).next(random);
	}

	/**
	 * One of the generators, chosen in proportion to its weight:
	 * {@code frequencyOf(entry(3, a), entry(1, b))}.
	 */
	@SafeVarargs
	static <T> Gen<T> frequencyOf(Map.Entry<Integer, ? extends Gen<? extends T>>... weighted) {
		List<Map.Entry<Integer, ? extends Gen<? extends T>>> copy = List.of(weighted);
		int total = copy.stream().mapToInt(Map.Entry::getKey).sum();
		return random -> {
			int pick = random.nextInt(total);
			for (Map.Entry<Integer, ? extends Gen<? extends T>> entry : copy) {
				pick -= entry.getKey();
				if (pick < 0) {
					return entry.getValue().next(random);
				}
			}
			throw new IllegalStateException("unreachable");
		};
	}

	/** An int from {@code min} to {@code max}, both included. */
	static Gen<Integer> integers(int min, int max) {
		return random -> random.nextInt(min, max + 1);
	}

	/**
	 * A string of {@code minLength} to {@code maxLength} characters from {@code from} to
	 * {@code to}.
	 */
	static Gen<String> strings(char from, char to, int minLength, int maxLength) {
		return random -> {
			char[] chars = new char[random.nextInt(minLength, maxLength + 1)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = (char) random.nextInt(from, to + 1);
			}
			return new String(chars);
		};
	}

	/** Any chars at all, lone surrogates and controls included. */
	static Gen<String> anyStrings(int minLength, int maxLength) {
		return strings(Character.MIN_VALUE, Character.MAX_VALUE, minLength, maxLength);
	}

	static Gen<byte[]> bytes(int minLength, int maxLength) {
		return random -> {
			byte[] bytes = new byte[random.nextInt(minLength, maxLength + 1)];
			random.nextBytes(bytes);
			return bytes;
		};
	}

	static <T> Gen<List<T>> listOf(Gen<? extends T> gen, int minSize, int maxSize) {
		return random -> {
			int size = random.nextInt(minSize, maxSize + 1);
			List<T> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(gen.next(random));
			}
			return list;
		};
	}

	/** One value from each generator, in order. */
	static <T> Gen<List<T>> combine(List<? extends Gen<? extends T>> gens) {
		return random -> {
			List<T> values = new ArrayList<>(gens.size());
			for (Gen<? extends T> gen : gens) {
				values.add(gen.next(random));
			}
			return values;
		};
	}

}
