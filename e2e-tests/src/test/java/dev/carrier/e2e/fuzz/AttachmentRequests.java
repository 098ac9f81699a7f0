package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.utf8;
import static java.util.Map.entry;

import java.util.List;

import dev.carrier.e2e.support.Gen;

/**
 * Hostile attachment calls, every one a refusal: uploads to chats the fuzzer is not in,
 * uploads to its own chats without a name, empty, active or mislabelled, and downloads of
 * foreign or junk ids.
 */
final class AttachmentRequests {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final Fixture fixture;

	private final Targets targets;

	AttachmentRequests(Fixture fixture) {
		this.fixture = fixture;
		this.targets = new Targets(fixture);
	}

	Gen<Hostile> upload() {
		Gen<Pair<String, Pair<byte[], String>>> refused = Gen.of(
				new Pair<>("", new Pair<>(utf8("hello"), "text/plain")),
				new Pair<>("?name=", new Pair<>(utf8("hello"), "text/plain")),
				new Pair<>("?name=%20%20", new Pair<>(utf8("hello"), "text/plain")),
				new Pair<>("?name=" + "n".repeat(300), new Pair<>(utf8("hello"), "text/plain")),
				new Pair<>("?name=empty.txt", new Pair<>(new byte[0], "text/plain")),
				new Pair<>("?name=..%2F..%2Fetc%2Fpasswd", new Pair<>(new byte[0], "application/octet-stream")),
				new Pair<>("?name=a.html",
						new Pair<>(utf8("<!DOCTYPE html><script>alert(1)</script>"), "application/octet-stream")),
				new Pair<>("?name=a.txt", new Pair<>(utf8("  <html><body onload=alert(1)>"), "text/plain")),
				new Pair<>("?name=a.svg",
						new Pair<>(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
								"image/svg+xml")),
				new Pair<>("?name=a.js", new Pair<>(utf8("alert(1)"), "text/javascript")),
				new Pair<>("?name=a.png", new Pair<>(PNG_SIGNATURE, "image/png")),
				new Pair<>("?name=a.pdf", new Pair<>(PNG_SIGNATURE, "application/pdf")),
				new Pair<>("?name=a.jpg", new Pair<>(utf8("hello"), "image/jpeg")));
		Gen<Hostile> ownChat = targets.ownChat()
			.flatMap(chat -> refused.map(t -> upload(chat, t.first(), t.second().first(), t.second().second())));
		Gen<Hostile> foreignChat = targets.foreignOrJunkId()
			.map(chat -> upload(chat, "?name=x.txt", utf8("hello"), "text/plain"));
		return Gen.frequencyOf(entry(3, ownChat), entry(2, foreignChat));
	}

	Gen<Hostile> download() {
		return targets.foreignOrJunkId()
			.flatMap(id -> Gen.of("/api/attachments/" + id, "/api/attachments/" + id + "/thumbnail"))
			.map(path -> new Hostile("attachment-download", "GET", path, Headers.bearer(fixture.fuzzerToken()), null,
					false, Strictness.STRICT));
	}

	private Hostile upload(String chat, String query, byte[] bytes, String type) {
		List<String[]> headers = Headers.bearer(fixture.fuzzerToken());
		headers.add(new String[] { "Content-Type", type });
		return new Hostile("attachment-upload", "POST", "/api/chats/" + chat + "/attachments" + query, headers, bytes,
				false, Strictness.STRICT);
	}

}
