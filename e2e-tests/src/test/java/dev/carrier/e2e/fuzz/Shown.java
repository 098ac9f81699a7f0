package dev.carrier.e2e.fuzz;

/**
 * How a request or an answer is shown in the report: short, and with no control
 * characters.
 */
final class Shown {

	private Shown() {
	}

	static String abbreviate(String text, int max) {
		String visible = text.replaceAll("[\\p{Cntrl}]", "\u00b7");
		return visible.length() <= max ? visible : visible.substring(0, max) + "…(" + text.length() + " chars)";
	}

}
