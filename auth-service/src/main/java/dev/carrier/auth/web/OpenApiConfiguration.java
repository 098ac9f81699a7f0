package dev.carrier.auth.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// The caller comes from the gateway's X-Carrier-User-Id header, not from the
		// client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI authServiceOpenApi() {
		return new OpenAPI().info(new Info().title("auth-service")
			.version("0.1.0")
			.description("Users, credentials and sessions. /api/** is reached through the gateway, which sets "
					+ "X-Carrier-User-Id; /internal/** only from the other services."));
	}

}
