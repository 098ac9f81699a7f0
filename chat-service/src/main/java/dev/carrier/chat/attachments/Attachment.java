package dev.carrier.chat.attachments;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code {id, name, type, size, width, height}}: {@code type} as persistence-service read
 * it from the bytes, {@code width} and {@code height} in pixels for an image shown inline
 * with a thumbnail, null for every other file. Also its form in the Redis message list
 * and in the pushes.
 */
public record Attachment(String id, String name, String type, long size, Integer width, Integer height) {

	/** An image has a server-made thumbnail; everything else is a download. */
	@JsonIgnore
	public boolean isImage() {
		return this.width != null;
	}

}
