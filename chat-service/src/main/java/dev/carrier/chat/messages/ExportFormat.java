package dev.carrier.chat.messages;

import java.nio.charset.StandardCharsets;

import dev.carrier.chat.shared.InvalidRequest;

import org.springframework.http.MediaType;

/**
 * How a chat's history is downloaded: {@code ?format=json} (the message array) or
 * {@code ?format=txt} (one line per message). The parameter's word is also the file's
 * extension.
 */
enum ExportFormat {

	JSON("json", MediaType.APPLICATION_JSON), TXT("txt", new MediaType("text", "plain", StandardCharsets.UTF_8));

	private final String parameter;

	private final MediaType mediaType;

	ExportFormat(String parameter, MediaType mediaType) {
		this.parameter = parameter;
		this.mediaType = mediaType;
	}

	/**
	 * The format the {@code format} parameter names, spelled exactly.
	 * @throws InvalidRequest for any other word
	 */
	static ExportFormat fromParameter(String parameter) {
		for (ExportFormat format : values()) {
			if (format.parameter.equals(parameter)) {
				return format;
			}
		}
		throw new InvalidRequest("format must be json or txt");
	}

	String fileExtension() {
		return this.parameter;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

}
