package dev.carrier.auth.sessions;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets handlers declare a {@link dev.carrier.auth.web.Caller}, checked against the
 * sessions.
 */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebMvcConfigurer {

	private final SessionService sessions;

	CallerConfiguration(SessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver(this.sessions));
	}

}
