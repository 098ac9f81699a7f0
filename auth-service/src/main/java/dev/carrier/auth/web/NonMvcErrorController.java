package dev.carrier.auth.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page, whose {@code {timestamp,error,path}} body is not a
 * problem document: errors raised outside Spring MVC (Tomcat answering a TRACE with 405,
 * a filter calling sendError) end up here. Written directly so no Accept header can turn
 * it into HTML or a 406.
 */
@RestController
@Hidden
class NonMvcErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		byte[] body = ProblemDocument
			.of(status, ProblemDocument.genericDetail(status), (uri instanceof String path) ? path : null)
			.toJson();
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
