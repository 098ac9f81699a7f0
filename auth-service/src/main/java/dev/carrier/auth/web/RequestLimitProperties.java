package dev.carrier.auth.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody largest request body but an avatar upload's
 * ({@code carrier.avatars.max-bytes}): the JSON bodies here are a few hundred bytes, so
 * the default is far below the gateway's 2 MB
 */
@ConfigurationProperties("carrier.request-limits")
public record RequestLimitProperties(@DefaultValue("64KB") DataSize maxBody) {

	public RequestLimitProperties {
		if (maxBody.toBytes() < 1 || maxBody.toBytes() > Integer.MAX_VALUE - 1) {
			throw new IllegalArgumentException("carrier.request-limits.max-body must be between 1 byte and 2 GB");
		}
	}

}
