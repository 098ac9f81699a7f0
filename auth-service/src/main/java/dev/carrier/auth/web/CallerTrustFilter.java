package dev.carrier.auth.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.carrier.auth.trust.Assertions;

/**
 * Believes an identity only when the gateway signed it, and lets only services with their
 * own credential reach {@code /internal/**}: anything else that can reach this port (a
 * pod in the cluster, a process on the host) gets 401, whatever {@code X-Carrier-User-Id}
 * it sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CallerTrustFilter extends OncePerRequestFilter {

	private final Assertions assertions;

	CallerTrustFilter(Assertions assertions) {
		this.assertions = assertions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith("/internal/")) {
			if (this.assertions.serviceOf(request.getHeader(Assertions.SERVICE_HEADER)).isEmpty()) {
				refuse(request, response, "/internal/** needs a valid service credential in "
						+ Assertions.SERVICE_HEADER + "; it is for Carrier's own services only.");
				return;
			}
		}
		String assertion = request.getHeader(Assertions.IDENTITY_HEADER);
		if (assertion != null) {
			Optional<String> caller = this.assertions.userOf(assertion);
			if (caller.isEmpty()) {
				refuse(request, response,
						"The identity assertion is invalid or has expired; call through the gateway.");
				return;
			}
			request.setAttribute(Caller.ASSERTED_USER_ATTRIBUTE, caller.get());
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(ProblemDocument.of(401, detail, request.getRequestURI()).toJson());
	}

}
