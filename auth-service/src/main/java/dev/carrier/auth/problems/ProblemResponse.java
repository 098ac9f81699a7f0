package dev.carrier.auth.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.carrier.auth.web.ProblemDocument;

/**
 * A problem on its way out of {@link ProblemAdvice}: its status, typed body and the
 * header some carry.
 */
record ProblemResponse(HttpStatus status, ProblemDetail body, HttpHeaders headers) {

	static ProblemResponse problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(ProblemDocument.type(type));
		body.setTitle(title);
		return new ProblemResponse(status, body, new HttpHeaders());
	}

	/** 503 with Retry-After: not the client's fault, and worth trying again. */
	static ResponseEntity<ProblemDetail> unavailable(String type, String detail, String retryAfter) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail).retryAfter(retryAfter);
	}

	/**
	 * 503 "unavailable", come back in five seconds: a store or a service this request
	 * needs is away.
	 */
	static ResponseEntity<ProblemDetail> unavailable(String detail) {
		return unavailable("unavailable", detail, "5");
	}

	ProblemResponse header(String name, String value) {
		this.headers.set(name, value);
		return this;
	}

	ResponseEntity<ProblemDetail> retryAfter(String seconds) {
		return header(HttpHeaders.RETRY_AFTER, seconds).build();
	}

	ResponseEntity<ProblemDetail> build() {
		return ResponseEntity.status(this.status).headers(this.headers).body(this.body);
	}

}
