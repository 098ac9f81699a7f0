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
 * @param sendsPerSecond how many messages one user may send over sockets per second, on
 * this instance ({@code CARRIER_API_RATE_PER_USER}, the gateway's limit per user for the
 * API, so a send costs the same either way)
 * @param sendBurst how many of those may come at once
 * ({@code CARRIER_API_BURST_PER_USER})
 */
@ConfigurationProperties("carrier.request")
public record RequestLimitProperties(@DefaultValue("2MB") DataSize maxBodySize,
		@DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("50") int sendsPerSecond,
		@DefaultValue("200") int sendBurst) {

	private static final Pattern UPLOAD = Pattern.compile("/api/chats/[^/]+/attachments/?");

	/** Only an upload's bytes may be larger than any other body. */
	public long limitFor(String method, String path) {
		boolean upload = "POST".equals(method) && UPLOAD.matcher(path).matches();
		return upload ? Math.max(this.maxAttachmentSize.toBytes(), this.maxBodySize.toBytes())
				: this.maxBodySize.toBytes();
	}

}
