package dev.carrier.auth.sessions;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.carrier.auth.web.Caller;

/**
 * Resolves {@link Caller} from the user the gateway's signed assertion names
 * ({@code web.CallerTrustFilter} puts it in {@link Caller#ASSERTED_USER_ATTRIBUTE}). As a
 * second line, when the bearer token travels along, it must belong to the same user.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final SessionService sessions;

	CallerArgumentResolver(SessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object asserted = webRequest.getAttribute(Caller.ASSERTED_USER_ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		if (!(asserted instanceof String userId) || userId.isBlank() || userId.length() > 64) {
			throw new Unauthenticated("Authentication is required");
		}
		String token = SessionTokens.fromAuthorization(webRequest.getHeader(HttpHeaders.AUTHORIZATION));
		if (token != null) {
			boolean sameUser = this.sessions.peek(token)
				.map((session) -> session.userId().equals(userId))
				.orElse(false);
			if (!sameUser) {
				throw new Unauthenticated("Session is not valid");
			}
		}
		return new Caller(userId.strip(), token);
	}

}
