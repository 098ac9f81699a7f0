package dev.carrier.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Just enough of the Redis protocol to send commands on one connection and read integer
 * or status replies, or one bulk reply.
 */
final class Resp {

	private Resp() {
	}

	static String command(String host, int port, String... args) throws IOException {
		return commands(host, port, List.<String[]>of(args));
	}

	/**
	 * Sends the commands in order on one connection (so SELECT applies to the next ones);
	 * the last reply.
	 */
	static String commands(String host, int port, List<String[]> commands) throws IOException {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(10_000);
			StringBuilder out = new StringBuilder();
			for (String[] args : commands) {
				out.append(encode(args));
			}
			OutputStream output = socket.getOutputStream();
			output.write(out.toString().getBytes(StandardCharsets.UTF_8));
			output.flush();
			InputStream input = new BufferedInputStream(socket.getInputStream());
			String reply = null;
			for (int i = 0; i < commands.size(); i++) {
				reply = readLine(input);
				if (reply.isEmpty() || reply.charAt(0) == '-') {
					throw new IOException("Redis answered " + reply);
				}
			}
			return reply.substring(1);
		}
	}

	/** One command whose reply is a bulk string (INFO), returned as text. */
	static String bulk(String host, int port, String... args) throws IOException {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(10_000);
			OutputStream output = socket.getOutputStream();
			output.write(encode(args).getBytes(StandardCharsets.UTF_8));
			output.flush();
			InputStream input = new BufferedInputStream(socket.getInputStream());
			String header = readLine(input);
			if (!header.startsWith("$")) {
				throw new IOException("Redis answered " + header);
			}
			return new String(input.readNBytes(Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8);
		}
	}

	private static String encode(String[] args) {
		StringBuilder out = new StringBuilder();
		out.append('*').append(args.length).append("\r\n");
		for (String arg : args) {
			out.append('$')
				.append(arg.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(arg)
				.append("\r\n");
		}
		return out.toString();
	}

	private static String readLine(InputStream input) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = input.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

}
