package dev.carrier.chat.web;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body this service reads
 * ({@code CARRIER_MAX_REQUEST_SIZE}, the gateway's limit too); a larger one, chunked or
 * declared, is a 413
 * @param maxAttachmentSize largest attachment upload
 * ({@code CARRIER_MAX_ATTACHMENT_SIZE}, the gateway's and persistence-service's limit
 * too), the one body allowed past {@code maxBodySize}
 */
@ConfigurationProperties("carrier.request")
public record RequestLimitProperties(@DefaultValue("2MB") DataSize maxBodySize,
		@DefaultValue("10MB") DataSize maxAttachmentSize) {

	private static final Pattern UPLOAD = Pattern.compile("/api/chats/[^/]+/attachments/?");

	/** Only an upload's bytes may be larger than any other body. */
	public long limitFor(String method, String path) {
		boolean upload = "POST".equals(method) && UPLOAD.matcher(path).matches();
		return upload ? Math.max(this.maxAttachmentSize.toBytes(), this.maxBodySize.toBytes())
				: this.maxBodySize.toBytes();
	}

}
