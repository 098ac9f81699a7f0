package dev.carrier.persistence.search;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How results are ordered: {@code newest} first, or {@code best} match first. */
enum SearchOrder {

	@JsonProperty("newest")
	NEWEST, @JsonProperty("best")
	BEST

}
