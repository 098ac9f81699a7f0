package dev.carrier.persistence.attachments;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload or a claim that is refused, as a problem document with its own status
 * (answered by the web package's advice like every framework problem), so chat-service
 * can pass the status and detail on to the client.
 */
abstract class AttachmentRefused extends ErrorResponseException {

	AttachmentRefused(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/** 415: active content, or bytes that are not what the declared type says. */
	static final class UnsupportedType extends AttachmentRefused {

		UnsupportedType(String detail) {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
		}

	}

	/** 400: a missing name, an empty body, an attachment that cannot be claimed. */
	static final class Invalid extends AttachmentRefused {

		Invalid(String detail) {
			super(HttpStatus.BAD_REQUEST, detail);
		}

	}

	/** 503 with Retry-After: every decode slot stayed taken. */
	static final class Busy extends AttachmentRefused {

		Busy(String detail) {
			super(HttpStatus.SERVICE_UNAVAILABLE, detail);
			getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		}

	}

	/** 404: no attachment of this id. */
	static final class NotFound extends AttachmentRefused {

		NotFound() {
			super(HttpStatus.NOT_FOUND, "No such attachment");
		}

	}

}
