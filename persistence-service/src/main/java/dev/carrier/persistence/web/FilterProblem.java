package dev.carrier.persistence.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A problem document a filter writes itself, before Spring MVC (and so
 * {@link ProblemAdvice}) sees the request, in the shape the advice gives every problem;
 * the one place problem types are named.
 */
record FilterProblem(String type, String title, int status, String detail, String instance) {

	static final String TYPE_BASE = "https://carrier.dev/problems/";

	static final String TOO_LARGE = "too-large";

	static final String TOO_LARGE_TITLE = "Request body too large";

	static URI type(String name) {
		return URI.create(TYPE_BASE + name);
	}

	static FilterProblem of(int status, String type, String title, String detail, HttpServletRequest request) {
		return new FilterProblem(TYPE_BASE + type, title, status, detail, request.getRequestURI());
	}

}
