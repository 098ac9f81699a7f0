package dev.carrier.gateway.errors;

import java.util.function.Predicate;

/**
 * What an exception was caused by: Reactor Netty, the gateway's filters and Resilience4j
 * wrap the failure that decides an answer (a cut-off body, a refused connection, an open
 * circuit) in exceptions of their own, at depths that differ by path.
 */
public final class Causes {

	private Causes() {
	}

	/** Whether {@code ex} or any of its causes is a {@code type}. */
	public static boolean include(Throwable ex, Class<? extends Throwable> type) {
		return any(ex, type::isInstance);
	}

	/**
	 * The same by class name, for a type whose library the gateway does not compile
	 * against.
	 */
	static boolean includeNamed(Throwable ex, String className) {
		return any(ex, (t) -> t.getClass().getName().equals(className));
	}

	private static boolean any(Throwable ex, Predicate<Throwable> test) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (test.test(t)) {
				return true;
			}
		}
		return false;
	}

}
