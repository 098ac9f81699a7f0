package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.structuralJunk;
import static dev.carrier.e2e.fuzz.JsonValues.utf8;
import static java.util.Map.entry;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.carrier.e2e.support.Gen;

/**
 * Hostile avatar uploads (forged, truncated and oversize images, odd types, bad presets)
 * and downloads.
 */
final class AvatarRequests {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private static byte[] oversizePng(int size) {
		byte[] image = new byte[size];
		System.arraycopy(PNG_SIGNATURE, 0, image, 0, PNG_SIGNATURE.length);
		return image;
	}

	private final Fixture fixture;

	private final Targets targets;

	AvatarRequests(Fixture fixture) {
		this.fixture = fixture;
		this.targets = new Targets(fixture);
	}

	Gen<Hostile> avatarUpload() {
		Function<Pair<byte[], String>, Hostile> upload = t -> {
			List<String[]> headers = Headers.bearer(fixture.fuzzerToken());
			headers.add(new String[] { "Content-Type", t.second() });
			return new Hostile("avatar-upload", "PUT", "/api/users/me/avatar", headers, t.first(), false,
					t.first().length > 1_048_576 ? Strictness.MAY_CLOSE : Strictness.STRICT);
		};
		Gen<Pair<byte[], String>> images = Gen.frequencyOf(entry(10,
				// Truncated and forged magic bytes under an allowed type.
				Gen.of(new Pair<>(Arrays.copyOf(PNG_SIGNATURE, 4), "image/png"), new Pair<>(new byte[0], "image/png"),
						new Pair<>(utf8("GIF8"), "image/gif"),
						new Pair<>(new byte[] { (byte) 0xFF, (byte) 0xD8 }, "image/jpeg"),
						new Pair<>(utf8("RIFF\0\0\0\0WEB"), "image/webp"),
						new Pair<>(utf8("<html><script>alert(1)</script></html>"), "image/png"),
						new Pair<>(utf8("%PDF-1.4\n%âãÏÓ"), "image/jpeg"),
						new Pair<>(utf8("\u007fELF\u0002\u0001\u0001"), "image/gif"),
						new Pair<>(utf8("PK\u0003\u0004zip"), "image/webp"),
						new Pair<>(utf8("{\"preset\":\"cat\"}"), "image/png"),
						// Types that are images but not allowed, and types that are not
						// images.
						new Pair<>(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
								"image/svg+xml"),
						new Pair<>(utf8("BM\0\0\0\0"), "image/bmp"), new Pair<>(utf8("II*\0"), "image/tiff"),
						new Pair<>(utf8("hello"), "application/octet-stream"), new Pair<>(utf8("hello"), "text/plain"),
						new Pair<>(utf8("--x\r\n\r\n--x--"), "multipart/form-data; boundary=x"),
						new Pair<>(PNG_SIGNATURE, "text/html"),
						new Pair<>(utf8("a=b"), "application/x-www-form-urlencoded"),
						new Pair<>(PNG_SIGNATURE, "image/png; charset=\u00ff".replace("\u00ff", "x\"y")))),
				entry(3, Gen.bytes(0, 64).map(b -> new Pair<>(b, "image/png"))),
				entry(3, Gen.bytes(1, 64).map(b -> new Pair<>(concat(PNG_SIGNATURE, b), "image/gif"))),
				// 1 MiB + 1, and far more.
				entry(2, Gen.frequencyOf(entry(8, Gen.just(1_048_577)), entry(1, Gen.just(3 * 1_048_576)))
					.map(size -> new Pair<>(oversizePng(size), "image/png"))));
		Gen<Hostile> presets = Gen
			.of("{\"preset\":123}", "{\"preset\":null}", "{\"preset\":\"\"}", "{\"preset\":\"../../../etc/passwd\"}",
					"{\"preset\":\"no_such_preset_at_all\"}", "{\"preset\":[\"cat\"]}", "{\"preset\":{}}", "{}", "[]",
					"{\"preset\":\"" + "x".repeat(100_000) + "\"}", "{\"preset\":\"%2e%2e\"}")
			.map(b -> Hostile.jsonCall("avatar-preset", "PUT", "/api/users/me/avatar", fixture.fuzzerToken(), b));
		return Gen.frequencyOf(entry(5, images.map(upload)), entry(2, presets), entry(1, structuralJunk()
			.filter(b -> b.length() < 1_000_000)
			.map(b -> Hostile.jsonCall("avatar-preset", "PUT", "/api/users/me/avatar", fixture.fuzzerToken(), b))));
	}

	Gen<Hostile> avatarDownload() {
		return targets.foreignOrJunkId()
			.map(id -> new Hostile("avatar-download", "GET", "/api/users/" + id + "/avatar",
					Headers.bearer(fixture.fuzzerToken()), null, false, Strictness.STRICT));
	}

}
