package dev.carrier.chat.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void aCanonicalUuidIsAnId() {
		for (int i = 0; i < 100; i++) {
			String id = UUID.randomUUID().toString();
			assertThat(Ids.isValid(id)).as(id).isTrue();
		}
		assertThat(Ids.isValid("00000000-0000-0000-0000-000000000000")).isTrue();
		assertThat(Ids.isValid("ffffffff-ffff-ffff-ffff-ffffffffffff")).isTrue();
	}

	@Test
	void aNewMessageIdIsAnIdOfVersion7ThatSortsAfterEveryEarlierOne() throws InterruptedException {
		long before = System.currentTimeMillis();
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			made.add(Ids.newMessageId());
			if (i % 250 == 0) {
				Thread.sleep(2);
			}
		}

		assertThat(made).allSatisfy((id) -> {
			assertThat(Ids.isValid(id)).as(id).isTrue();
			assertThat(UUID.fromString(id).version()).as(id).isEqualTo(7);
		});
		// as strings too: that is how MySQL compares them
		assertThat(made).doesNotHaveDuplicates().isSorted();
		long after = System.currentTimeMillis();
		assertThat(made).allSatisfy((id) -> assertThat(UUID.fromString(id).getMostSignificantBits() >>> 16).as(id)
			.isBetween(before, after));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0123456789abcdef0123456789abcdef", "0123456789ab-cdef-0123-4567-89abcdef0123",
			"01234567-89AB-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcdeg",
			"01234567-89ab-cdef-0123-456789abcde", "01234567-89ab-cdef-0123-456789abcdef0",
			"01234567_89ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-0123-456789abcde ",
			" 1234567-89ab-cdef-0123-456789abcdef", "01234567-89ab-cdef-01230456789abcdef-",
			"01234567-89ab-cdef-0123-456789abcdéf", "../../../../../../../../../etc/passwd" })
	void anyOtherSpellingIsNot(String id) {
		assertThat(Ids.isValid(id)).isFalse();
	}

	@Test
	void nullIsNot() {
		assertThat(Ids.isValid(null)).isFalse();
	}

}
