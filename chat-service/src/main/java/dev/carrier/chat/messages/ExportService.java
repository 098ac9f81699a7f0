package dev.carrier.chat.messages;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.carrier.chat.events.SystemLine;
import dev.carrier.chat.users.AuthClient;
import dev.carrier.chat.users.MemberSummary;
import dev.carrier.chat.shared.ServiceUnavailable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * A chat's whole history as a download: JSON (the message array) or text, one line per
 * message: {@code [2026-11-25 10:00:00 UTC] alice: text} (and {@code (edited)} after an
 * edited one, and {@code [file: NAME]} for each attachment), and a system line as
 * {@code [...] alice added bob, carol} or {@code [...] bob left}.
 */
@Service
class ExportService {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MessageHistory messages;

	private final AuthClient auth;

	private final JsonMapper json;

	ExportService(MessageHistory messages, AuthClient auth, JsonMapper json) {
		this.messages = messages;
		this.auth = auth;
		this.json = json;
	}

	public ResponseEntity<byte[]> export(String chatId, String userId, String formatParameter) {
		ExportFormat format = ExportFormat.fromParameter(formatParameter);
		List<Message> history = this.messages.history(chatId, userId);
		byte[] body = switch (format) {
			case JSON -> this.json.writeValueAsBytes(history);
			case TXT -> text(history).getBytes(StandardCharsets.UTF_8);
		};
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("chat-" + chatId + "." + format.fileExtension())
						.build()
						.toString())
			.body(body);
	}

	private String text(List<Message> history) {
		Set<String> senders = new LinkedHashSet<>();
		history.forEach(message -> {
			senders.add(message.senderId());
			if (message.system() != null) {
				senders.addAll(message.system().userIds());
			}
		});
		Map<String, String> names;
		try {
			names = this.auth.users(senders)
				.stream()
				.collect(Collectors.toMap(MemberSummary::id, MemberSummary::username, (a, b) -> a));
		}
		catch (ServiceUnavailable ex) {
			// The history matters more than the names: fall back to ids.
			names = Map.of();
		}
		Map<String, String> known = names;
		Function<String, String> name = (id) -> known.getOrDefault(id, id);
		StringBuilder out = new StringBuilder();
		for (Message message : history) {
			out.append('[').append(TIME.format(message.sentAt())).append("] ").append(name.apply(message.senderId()));
			if (message.system() != null) {
				out.append(systemLine(message.system(), name)).append('\n');
				continue;
			}
			out.append(": ")
				.append(message.deleted() ? "(deleted)" : message.text())
				.append((message.editedAt() != null && !message.deleted()) ? " (edited)" : "");
			// files by name: the export holds the history, the files stay downloadable
			message.attachments().forEach(attachment -> out.append(" [file: ").append(attachment.name()).append(']'));
			out.append('\n');
		}
		return out.toString();
	}

	/** What follows the actor's name on a system line: " added bob, carol" or " left". */
	private static String systemLine(SystemLine line, Function<String, String> name) {
		return switch (line.type()) {
			case MEMBER_ADDED -> " added " + line.userIds().stream().map(name).collect(Collectors.joining(", "));
			case MEMBER_LEFT -> " left";
		};
	}

}
