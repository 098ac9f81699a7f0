package dev.carrier.chat.web;

import java.util.List;

import dev.carrier.chat.shared.CallerId;
import dev.carrier.chat.shared.Ids;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link CallerId} parameters from the user named by the gateway's signed
 * assertion ({@link CallerTrustFilter}); without one the call is unauthenticated.
 */
@Configuration(proxyBeanMethods = false)
class CallerIdResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

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
		Object userId = webRequest.getAttribute(CallerTrustFilter.CALLER_ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		if (!(userId instanceof String id) || !Ids.isValid(id)) {
			throw new Unauthenticated();
		}
		return id;
	}

}
