package dev.carrier.e2e.fuzz;

import static dev.carrier.e2e.fuzz.JsonValues.quote;
import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.carrier.e2e.support.Gen;

/**
 * One field of a JSON object the fuzzer builds, with values that pass and values that
 * must be refused.
 */
record Field(String name, Gen<String> valid, Gen<String> invalid, boolean required) {

	/**
	 * A JSON object whose fields are either valid or invalid; at least one invalid or
	 * missing required.
	 */
	static Gen<String> objectWithAFault(Field... fields) {
		int n = fields.length;
		return Gen.integers(1, (1 << n) - 1).flatMap(mask -> {
			List<Gen<String>> parts = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Field field = fields[i];
				boolean broken = (mask & (1 << i)) != 0;
				Gen<String> value = broken ? field.invalid() : field.valid();
				Gen<String> member = value.map(v -> quote(field.name()) + ":" + v);
				if (broken && field.required()) {
					member = Gen.frequencyOf(entry(4, member), entry(1, Gen.just("")));
				}
				parts.add(member);
			}
			Gen<String> duplicateBroken = fields[Integer.numberOfTrailingZeros(mask)].invalid()
				.map(v -> quote(fields[Integer.numberOfTrailingZeros(mask)].name()) + ":" + v);
			return Gen.combine(parts)
				.flatMap(members -> Gen.frequencyOf(entry(8, Gen.just(members)),
						// Duplicate keys: both copies broken, whichever one a parser
						// keeps.
						entry(1, duplicateBroken.map(extra -> {
							List<String> withDuplicate = new ArrayList<>(members);
							withDuplicate.add(extra);
							return withDuplicate;
						}))))
				.map(members -> members.stream().filter(m -> !m.isEmpty()).collect(Collectors.joining(",", "{", "}")));
		});
	}

}
