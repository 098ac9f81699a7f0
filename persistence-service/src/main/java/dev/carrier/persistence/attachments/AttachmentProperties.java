package dev.carrier.persistence.attachments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How images are decoded for their thumbnails (the size limit of an upload is
 * {@code carrier.request.max-attachment-size}, enforced on the body by the web package).
 *
 * @param maxPixels an image whose header declares more pixels is refused before a pixel
 * is decoded (a decompression bomb is small on the wire)
 * @param concurrentDecodes decodes at once; more wait up to {@code decodeWait}
 * @param decodeWait how long an upload waits for a decode slot before a 503
 */
@ConfigurationProperties("carrier.attachments")
public record AttachmentProperties(@DefaultValue("40000000") long maxPixels, @DefaultValue("2") int concurrentDecodes,
		@DefaultValue("10s") Duration decodeWait) {
}
