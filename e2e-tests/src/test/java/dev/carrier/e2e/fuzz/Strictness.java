package dev.carrier.e2e.fuzz;

/** How strictly an answer is judged. */
enum Strictness {

	/** A 4xx problem document, nothing else. */
	STRICT,
	/**
	 * Also acceptable: the server refuses by closing the connection (oversize bodies).
	 */
	MAY_CLOSE,
	/**
	 * Malformed at the HTTP layer (request line, header syntax, header/URL size): the
	 * HTTP codec answers before any application code, so a bare 4xx or a close is
	 * acceptable; never a 5xx or a trace.
	 */
	PROTOCOL

}
