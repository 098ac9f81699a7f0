package dev.carrier.e2e.fuzz;

import dev.carrier.e2e.support.Gen;

/** Two values drawn together. */
record Pair<A, B>(A first, B second) {

	static <A, B> Gen<Pair<A, B>> pairs(Gen<? extends A> first, Gen<? extends B> second) {
		return random -> new Pair<>(first.next(random), second.next(random));
	}

}
