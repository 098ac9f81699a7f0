package dev.carrier.chat.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link CallerId} parameters. Only the gateway can set the header (it strips it from
 * incoming requests), so its value is trusted; a value that is not an id is treated as missing.
 */
@Configuration(proxyBeanMethods = false)
class CallerIdResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static final String HEADER = "X-Carrier-User-Id";

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CallerId.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		String userId = webRequest.getHeader(HEADER);
		if (userId == null || !Ids.isValid(userId)) {
			throw new Unauthenticated();
		}
		return userId;
	}

}
