package dev.carrier.persistence.search;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /internal/search}: the words to find in the chats the caller is in
 * (chat-service names them), newest first or best match first, and the cursor of the page
 * before.
 */
record SearchRequest(@NotNull @Size(max = 5000) List<@NotBlank @Size(max = 64) String> chatIds,
		@NotBlank @Size(max = 200) String q, SearchOrder order, @Size(max = 200) String before,
		@Min(1) @Max(50) Integer limit) {

	int pageSize() {
		return (this.limit != null) ? this.limit : 20;
	}

	SearchOrder orderOrNewest() {
		return (this.order != null) ? this.order : SearchOrder.NEWEST;
	}

}
