package dev.carrier.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/**
 * The gateway's WebSocket proxy ({@code WebsocketRoutingFilter}) upgrades clients with the
 * {@link EventLoopUpgradeStrategy}, around the Reactor Netty strategy Spring Cloud Gateway
 * configures (its frame size and ping settings kept).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketProxyConfiguration {

	@Bean
	@Primary
	RequestUpgradeStrategy eventLoopUpgradeStrategy(ReactorNettyRequestUpgradeStrategy gatewayStrategy) {
		return new EventLoopUpgradeStrategy(gatewayStrategy);
	}

}
