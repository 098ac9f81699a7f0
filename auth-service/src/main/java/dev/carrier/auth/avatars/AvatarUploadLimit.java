package dev.carrier.auth.avatars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.carrier.auth.web.UploadLimit;

/**
 * An avatar upload may be as large as {@code carrier.avatars.max-bytes}, past the JSON
 * body limit.
 */
@Configuration(proxyBeanMethods = false)
class AvatarUploadLimit {

	static final String UPLOAD_PATH = "/api/users/me/avatar";

	@Bean
	UploadLimit avatarUploads(AvatarProperties properties) {
		return new UploadLimit(UPLOAD_PATH, properties.maxBytes());
	}

}
