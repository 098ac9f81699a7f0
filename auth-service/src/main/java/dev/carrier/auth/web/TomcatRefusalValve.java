package dev.carrier.auth.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before Spring sees them (a {@code %00} or broken UTF-8 in
 * the path, {@code [} in the query) and answers with its own HTML page; this valve writes
 * a problem document instead, and never a stack trace or the server's version.
 */
class TomcatRefusalValve extends ErrorReportValve {

	TomcatRefusalValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		byte[] body = ProblemDocument.of(status, ProblemDocument.genericDetail(status), null).toJson();
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was taken over; nothing more to say.
		}
	}

}
