package dev.carrier.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebSocket's browser origin check. The page's own origin (the address the gateway is
 * reached at) is always allowed and needs no setting.
 *
 * @param allowedOrigins further origins ({@code scheme://host[:port]}) whose pages may
 * open the WebSocket, e.g. a front end served from another host
 * ({@code CARRIER_ALLOWED_ORIGINS}, comma-separated)
 */
@ConfigurationProperties("carrier.websocket")
public record WebSocketProperties(@DefaultValue List<String> allowedOrigins) {
}
