package dev.carrier.auth.avatars;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The built-in avatars, small SVGs shipped in {@code resources/avatars}. */
@Component
public class AvatarPresets {

	public static final List<String> NAMES = List.of("fox", "owl", "cat", "bear", "panda", "koala");

	public static final String CONTENT_TYPE = "image/svg+xml";

	private final Map<String, byte[]> svgs = new LinkedHashMap<>();

	public AvatarPresets() {
		for (String name : NAMES) {
			try (InputStream in = new ClassPathResource("avatars/" + name + ".svg").getInputStream()) {
				this.svgs.put(name, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Preset avatar " + name + " is missing", ex);
			}
		}
	}

	public boolean exists(String name) {
		return this.svgs.containsKey(name);
	}

	public Optional<byte[]> svg(String name) {
		return Optional.ofNullable(this.svgs.get(name));
	}

}
