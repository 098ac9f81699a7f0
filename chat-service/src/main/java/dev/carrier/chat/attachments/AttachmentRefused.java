package dev.carrier.chat.attachments;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * persistence-service's refusal of an upload or a claim (400, 413, 415), passed on to the
 * client as a problem document with the same status and detail.
 */
class AttachmentRefused extends ErrorResponseException {

	AttachmentRefused(int status, String detail) {
		super(HttpStatusCode.valueOf(status), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail),
				null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
