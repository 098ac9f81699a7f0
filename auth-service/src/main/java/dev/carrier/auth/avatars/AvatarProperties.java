package dev.carrier.auth.avatars;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on avatar uploads, which are the one input here that grows when it is decoded.
 *
 * @param maxBytes largest upload (413 above it), chunked or not
 * @param maxPixels largest width x height, read from the image header before anything is
 * decoded (400 above it): bounds the work of one decode, since a small compressed file
 * can declare a huge image
 * @param concurrentDecodes decodes that may run at once; more wait up to
 * {@code decodeWait} and are then answered 503 with Retry-After
 * @param decodeWait how long an upload may wait for a decode slot
 */
@ConfigurationProperties("carrier.avatars")
public record AvatarProperties(@DefaultValue("1MB") DataSize maxBytes, @DefaultValue("12000000") long maxPixels,
		@DefaultValue("2") int concurrentDecodes, @DefaultValue("2s") Duration decodeWait) {

	public AvatarProperties {
		if (maxBytes.toBytes() < 1 || maxBytes.toBytes() > Integer.MAX_VALUE - 1 || maxPixels < 1
				|| concurrentDecodes < 1) {
			throw new IllegalArgumentException("carrier.avatars.* must be positive (max-bytes below 2 GB)");
		}
	}

}
