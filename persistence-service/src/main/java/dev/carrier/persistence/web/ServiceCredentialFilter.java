package dev.carrier.persistence.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.carrier.persistence.trust.ServiceCredentials;

/**
 * persistence-service answers only Carrier's own services: every {@code /internal/**}
 * call without a valid service credential gets 401, whoever else can reach the port.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ServiceCredentialFilter extends OncePerRequestFilter {

	private final ServiceCredentials credentials;

	private final JsonMapper json;

	ServiceCredentialFilter(ServiceCredentials credentials, JsonMapper json) {
		this.credentials = credentials;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith("/internal/")
				&& this.credentials.serviceOf(request.getHeader(ServiceCredentials.HEADER)).isEmpty()) {
			FilterProblem problem = FilterProblem.of(401, "unauthenticated", "Unauthorized",
					"/internal/** needs a valid service credential in " + ServiceCredentials.HEADER
							+ "; it is for Carrier's own services only.",
					request);
			response.setStatus(401);
			// the JSON is UTF-8 by definition (RFC 8259); no charset parameter, as Spring
			// MVC's own problems
			response.setContentType("application/problem+json");
			response.getOutputStream().write(this.json.writeValueAsBytes(problem));
			return;
		}
		chain.doFilter(request, response);
	}

}
