package dev.carrier.persistence.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body (one without a declared length, i.e. chunked) fails with
 * {@link BodyTooLarge} at the first byte past the limit, so no reader ever holds more.
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long limit;

	private ServletInputStream body;

	private volatile boolean exceeded;

	LimitedBodyRequest(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	boolean exceeded() {
		return this.exceeded;
	}

	@Override
	public synchronized ServletInputStream getInputStream() throws IOException {
		if (this.body == null) {
			this.body = new CountingStream(super.getInputStream());
		}
		return this.body;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
				: StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		CountingStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int value = this.delegate.read();
			if (value >= 0) {
				counted(1);
			}
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) throws BodyTooLarge {
			this.count += bytes;
			if (this.count > LimitedBodyRequest.this.limit) {
				LimitedBodyRequest.this.exceeded = true;
				throw new BodyTooLarge(LimitedBodyRequest.this.limit);
			}
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
