package dev.carrier.persistence.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body this service reads
 * ({@code CARRIER_MAX_REQUEST_SIZE}, the gateway's limit too); a larger one, chunked or
 * declared, is a 413
 */
@ConfigurationProperties("carrier.request")
public record RequestLimitProperties(@DefaultValue("2MB") DataSize maxBodySize) {
}
