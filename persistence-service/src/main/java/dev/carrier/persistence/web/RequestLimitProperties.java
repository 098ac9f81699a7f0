package dev.carrier.persistence.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body this service reads
 * ({@code CARRIER_MAX_REQUEST_SIZE}, the gateway's limit too); a larger one, chunked or
 * declared, is a 413
 * @param maxAttachmentSize largest attachment upload
 * ({@code CARRIER_MAX_ATTACHMENT_SIZE}, the gateway's and chat-service's limit too), the
 * one body allowed past {@code maxBodySize}
 */
@ConfigurationProperties("carrier.request")
public record RequestLimitProperties(@DefaultValue("2MB") DataSize maxBodySize,
		@DefaultValue("10MB") DataSize maxAttachmentSize) {

	/** Only an upload's bytes may be larger than any other body. */
	public long limitFor(String method, String path) {
		boolean upload = "PUT".equals(method) && path.startsWith("/internal/attachments/");
		return upload ? Math.max(this.maxAttachmentSize.toBytes(), this.maxBodySize.toBytes())
				: this.maxBodySize.toBytes();
	}

}
