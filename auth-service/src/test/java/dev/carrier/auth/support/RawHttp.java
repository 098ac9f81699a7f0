package dev.carrier.auth.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request written as bytes on a socket, for what {@link java.net.http.HttpClient}
 * refuses to send ({@code %00}, broken UTF-8 or {@code [} in the URI). Sends
 * {@code Connection: close} and reads to the end.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Api.Response send(int port, String requestLine) {
		return sendWithBody(port, requestLine, null, null);
	}

	/**
	 * {@code headers}: extra header lines joined by CRLF; the body goes without a
	 * Content-Type.
	 */
	public static Api.Response sendWithBody(int port, String requestLine, String headers, byte[] body) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder(requestLine)
				.append("\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n");
			if (headers != null) {
				head.append(headers).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] raw = in.readAllBytes();
			return parse(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Api.Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, headEnd).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim(), List.of(lines[i].substring(colon + 1).trim()));
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
		List<String> encoding = headers.get("Transfer-Encoding");
		if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
			body = dechunk(body);
		}
		return new Api.Response(status, headers, body);
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = at;
			while (body[lineEnd] != '\r') {
				lineEnd++;
			}
			int size = Integer
				.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			out.write(body, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

}
