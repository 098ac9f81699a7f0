package dev.carrier.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for what {@link java.net.http.HttpClient}
 * refuses to send: literal {@code ..} segments, broken percent-encoding, control
 * characters, smuggling headers.
 */
public final class RawHttp {

	/**
	 * Answer to a raw request; {@code status} is -1 when the server closed without
	 * answering.
	 */
	public record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean timedOut) {

		public CarrierApi.Reply asReply() {
			return new CarrierApi.Reply(status, headers, body);
		}

	}

	private RawHttp() {
	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line) and
	 * {@code body} to the gateway.
	 */
	public static Answer send(String head, byte[] body) {
		String host = CarrierApi.BASE.getHost();
		int port = CarrierApi.BASE.getPort() == -1 ? 80 : CarrierApi.BASE.getPort();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 5_000);
			// A server may rightly keep a connection open after an answer without a
			// length (Netty's own
			// 400s); "Connection: close" lets the answer end at EOF instead of at the
			// read timeout.
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String closing = head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection:") ? ""
					: "\r\nConnection: close";
			String fullHead = head.stripTrailing() + closing + "\r\n\r\n";
			out.write(fullHead.getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (SocketTimeoutException ex) {
			return new Answer(-1, Map.of(), new byte[0], true);
		}
		catch (IOException ex) {
			// A reset while writing a rejected request is a refusal, not a hang.
			return new Answer(-1, Map.of(), new byte[0], false);
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		int headEnd = -1;
		int contentLength = -1;
		boolean chunked = false;
		Map<String, List<String>> headers = new LinkedHashMap<>();
		int status = -1;
		while (true) {
			int n;
			try {
				n = in.read(buffer);
			}
			catch (IOException ex) {
				n = -1;
			}
			if (n == -1) {
				break;
			}
			raw.write(buffer, 0, n);
			byte[] sofar = raw.toByteArray();
			if (headEnd < 0) {
				headEnd = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				if (headEnd >= 0) {
					String[] lines = new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
					String[] statusLine = lines[0].split(" ", 3);
					status = Integer.parseInt(statusLine[1]);
					for (int i = 1; i < lines.length; i++) {
						int colon = lines[i].indexOf(':');
						if (colon > 0) {
							String name = lines[i].substring(0, colon).trim();
							String value = lines[i].substring(colon + 1).trim();
							headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
							if (name.equalsIgnoreCase("Content-Length")) {
								contentLength = Integer.parseInt(value);
							}
							if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
								chunked = true;
							}
						}
					}
				}
			}
			if (headEnd >= 0) {
				int bodyLength = sofar.length - headEnd - 4;
				if (contentLength >= 0 && bodyLength >= contentLength) {
					break;
				}
				if (chunked && endsWith(sofar, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
					break;
				}
				if (!chunked && contentLength < 0 && status >= 100 && (status == 204 || status == 304)) {
					break;
				}
			}
		}
		if (headEnd < 0) {
			return new Answer(-1, Map.of(), raw.toByteArray(), false);
		}
		byte[] all = raw.toByteArray();
		byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
		if (chunked) {
			body = dechunk(body);
		}
		else if (contentLength >= 0 && body.length > contentLength) {
			body = java.util.Arrays.copyOf(body, contentLength);
		}
		return new Answer(status, headers, body, false);
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < body.length) {
			int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, i, body.length), "\r\n".getBytes());
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(body, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
			i += lineEnd + 2;
			if (size == 0) {
				break;
			}
			out.write(body, i, Math.min(size, body.length - i));
			i += size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static boolean endsWith(byte[] data, byte[] suffix) {
		if (data.length < suffix.length) {
			return false;
		}
		for (int i = 0; i < suffix.length; i++) {
			if (data[data.length - suffix.length + i] != suffix[i]) {
				return false;
			}
		}
		return true;
	}

}
