package dev.carrier.persistence.attachments;

/**
 * An attachment as the public API shows it: {@code type} detected from the bytes,
 * {@code width} and {@code height} in pixels for an image with a thumbnail, null
 * otherwise.
 */
public record Attachment(String id, String name, String type, long size, Integer width, Integer height) {
}
