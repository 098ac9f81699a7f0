package dev.carrier.chat.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body, not only those that pass the gateway: a declared
 * Content-Length over the limit is a 413 before a byte is read, and a body without one
 * (chunked) is a 413 as soon as it runs past the limit ({@link LimitedBodyRequest};
 * {@link ProblemAdvice} answers the read that fails). Tomcat itself bounds only form and
 * multipart bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final RequestLimitProperties limits;

	private final JsonMapper json;

	BodySizeLimitFilter(RequestLimitProperties limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.limits.limitFor(request.getMethod(), request.getRequestURI());
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared >= 0) {
			// Tomcat ends the body at its declared length
			chain.doFilter(request, response);
			return;
		}
		LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!limited.exceeded() || response.isCommitted()) {
				throw ex;
			}
		}
		// a reader that swallowed the failure must not answer as if the body had been
		// whole
		if (limited.exceeded() && !response.isCommitted()) {
			response.reset();
			refuse(request, response, limit);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		// the rest of the body is not read: the connection cannot carry another request
		response.setHeader(HttpHeaders.CONNECTION, "close");
		Problems.write(response, this.json, 413, new BodyTooLarge(limit).getMessage(), request.getRequestURI());
	}

}
