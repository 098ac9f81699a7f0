package dev.carrier.chat.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /error}, where the servlet container forwards whatever Spring MVC did not answer
 * itself (a {@code TRACE}, a {@code sendError} from a filter): a problem document instead
 * of Boot's {@code {timestamp, error, path}}. Written directly, so the client's Accept
 * header cannot turn it into a 406 or an HTML page.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	private final JsonMapper json;

	ProblemErrorController(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		// A message set by Tomcat is safe to show for a 4xx; a 5xx says nothing about the
		// cause.
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String detail = (status < 500 && message instanceof String text) ? text
				: (status >= 500) ? "Something went wrong on our side" : null;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Problems.write(response, this.json, status, detail, (uri instanceof String path) ? path : null);
	}

}
