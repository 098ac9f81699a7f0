package dev.carrier.auth.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 with a problem document to any body larger than the request may be, before
 * anything else reads it. Tomcat has no setting for this: its max-http-form-post-size
 * bounds only the form parameters it parses itself, never a JSON or image body the
 * application reads, and a chunked body declares no length at all. So a declared length
 * is checked at once, and a chunked body is read here up to one byte past the limit (at
 * most the limit is held, 64 KB for JSON, an avatar's 1 MiB for an upload, which its
 * controller would hold anyway) and handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBody;

	private final Map<String, Long> uploadLimits;

	RequestSizeLimitFilter(RequestLimitProperties limits, ObjectProvider<UploadLimit> uploads) {
		this.maxBody = limits.maxBody().toBytes();
		this.uploadLimits = uploads.orderedStream()
			.collect(Collectors.toUnmodifiableMap(UploadLimit::path, (upload) -> upload.maxBytes().toBytes()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.uploadLimits.getOrDefault(request.getRequestURI(), this.maxBody);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			byte[] body = request.getInputStream().readNBytes((int) limit + 1);
			if (body.length > limit) {
				refuse(request, response, limit);
				return;
			}
			chain.doFilter(new BufferedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		byte[] problem = ProblemDocument
			.of(HttpStatus.CONTENT_TOO_LARGE.value(), "The request body may be at most " + limit + " bytes",
					request.getRequestURI())
			.toJson();
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(problem.length);
		response.getOutputStream().write(problem);
	}

	/** A chunked request whose body was read here, within its limit. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final ServletInputStream stream;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			this.stream = streamOf(body);
		}

		@Override
		public ServletInputStream getInputStream() {
			return this.stream;
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(this.stream, charset));
		}

		private static ServletInputStream streamOf(byte[] body) {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
