package dev.carrier.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** One hostile request. {@code raw} requests go byte by byte over a socket. */
record Hostile(String label, String method, String target, List<String[]> headers, byte[] body, boolean raw,
		Strictness strictness) {

	/**
	 * A JSON call; above 1 MB the server may refuse the body by closing the connection.
	 */
	static Hostile jsonCall(String label, String method, String path, String token, String body) {
		return new Hostile(label, method, path, Headers.json(token), JsonValues.utf8(body), false,
				body.length() > 1_000_000 ? Strictness.MAY_CLOSE : Strictness.STRICT);
	}

	/** The same request, to go over a socket: for what HttpClient will not send. */
	Hostile overASocket() {
		return new Hostile(label, method, target, headers, body, true, strictness);
	}

	@Override
	public String toString() {
		String shownBody = body == null ? ""
				: " body=" + Shown.abbreviate(new String(body, StandardCharsets.UTF_8), 160);
		String shownHeaders = headers.stream()
			.map(h -> h[0] + ": " + Shown.abbreviate(h[1], 60))
			.collect(Collectors.joining(", ", " [", "]"));
		return label + " :: " + method + " " + Shown.abbreviate(target, 160) + shownHeaders + shownBody
				+ (raw ? " (raw)" : "");
	}

}
