package dev.carrier.e2e.fuzz;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.carrier.e2e.support.Gen;

/** Authorization headers that must not authenticate anyone. */
record BadAuthorization(Fixture fixture) {

	Gen<List<String[]>> headers() {
		String token = fixture.fuzzerToken();
		Gen<List<String[]>> single = Gen
			.oneOf(Gen.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNzd29yZA==", "Bearer " + token + "x",
					"Bearer " + token.substring(1), "Bearer " + token.substring(0, token.length() - 1), "Bearer null",
					"Bearer undefined", "Bearer ' OR 1=1 --", "Bearer *", "Bearer ../../", "Token " + token, token,
					"Bearer " + token.toUpperCase().replace("BEARER", ""), "Bearer " + "A".repeat(4_000), "Bearer %00",
					"Bearer " + token + " " + token, "Bearer " + UUID.randomUUID(), "Negotiate " + token),
					Gen.strings('0', 'f', 64, 64).map(s -> "Bearer " + s))
			.filter(value -> !value.equals("Bearer " + token))
			.map(value -> {
				List<String[]> headers = new ArrayList<>();
				headers.add(new String[] { "Authorization", value });
				return headers;
			});
		Gen<List<String[]>> none = Gen.just(new ArrayList<>());
		Gen<List<String[]>> twoBad = Gen.just(List.<String[]>of(new String[] { "Authorization", "Bearer nope" },
				new String[] { "Authorization", "Bearer also-nope" }));
		Gen<List<String[]>> forgedIdentity = Gen.of("X-Carrier-User-Id", "X-User-Id", "X-Forwarded-User")
			.map(name -> List.<String[]>of(new String[] { name, fixture.peer().id() }));
		return Gen.frequencyOf(entry(8, single), entry(2, none), entry(1, twoBad), entry(2, forgedIdentity));
	}

}
