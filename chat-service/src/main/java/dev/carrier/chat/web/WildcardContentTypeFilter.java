package dev.carrier.chat.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body whose Content-Type is a wildcard ({@code *}{@code /*}, {@code application/*})
 * says nothing about what it is, and Spring MVC fails on it with an
 * IllegalArgumentException (a 500) while choosing a converter; it is refused here with a
 * 415 problem instead.
 */
@Component
class WildcardContentTypeFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	WildcardContentTypeFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && isWildcard(contentType)) {
			response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
			Problems.write(response, this.json, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
					"Content-Type '" + contentType + "' is not a concrete media type; send application/json",
					request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWildcard(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			// Unparseable: Spring MVC answers that with its own 415.
			return false;
		}
	}

}
