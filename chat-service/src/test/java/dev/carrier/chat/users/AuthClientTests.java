package dev.carrier.chat.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How member ids are split over calls to auth-service. */
class AuthClientTests {

	@Test
	void aThousandIdsGoInCallsOfAHundred() {
		List<String> ids = IntStream.range(0, 1000).mapToObj(i -> UUID.randomUUID().toString()).toList();

		List<List<String>> chunks = AuthClient.chunks(ids);

		assertThat(chunks).hasSize(10).allSatisfy(chunk -> assertThat(chunk).hasSize(AuthClient.IDS_PER_CALL));
		assertThat(chunks.stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
		// the query string of one call stays well inside Tomcat's 8 KB request line
		assertThat(String.join(",", chunks.get(0)).length()).isLessThan(4096);
	}

	@Test
	void eachIdIsAskedForOnceAndNothingIsAskedForNoIds() {
		String id = UUID.randomUUID().toString();
		List<String> twice = new ArrayList<>(List.of(id, id));

		assertThat(AuthClient.chunks(twice)).containsExactly(List.of(id));
		assertThat(AuthClient.chunks(List.of())).isEmpty();
		assertThat(AuthClient.chunks(IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).toList()))
			.extracting(List::size)
			.containsExactly(100, 1);
	}

}
