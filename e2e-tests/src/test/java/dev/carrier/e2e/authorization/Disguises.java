package dev.carrier.e2e.authorization;

import java.util.List;
import java.util.Map;

/**
 * Who the attacker pretends to be: dead sessions, forged identity headers, tokens in the
 * query string.
 */
final class Disguises {

	private Disguises() {
	}

	static List<Disguise> deadOrForgedIdentities(AttackScene scene) {
		String victimId = scene.victim().id();
		return List.of(new Disguise("victim token after logout", scene.victimLoggedOutToken(), Map.of(), ""),
				new Disguise("victim token after password change", scene.victimPasswordChangedToken(), Map.of(), ""),
				new Disguise("dead token + X-Carrier-User-Id", scene.victimLoggedOutToken(),
						Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("no token, X-Carrier-User-Id", null, Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("no token, X-User-Id", null, Map.of("X-User-Id", victimId), ""),
				new Disguise("no token, X-Forwarded-User", null, Map.of("X-Forwarded-User", victimId), ""),
				new Disguise("no token, X-Forwarded-For 127.0.0.1", null,
						Map.of("X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"),
						""),
				new Disguise("victim token in ?access_token", null, Map.of(), "access_token=" + scene.victim().token()),
				new Disguise("victim token in ?token", null, Map.of(), "token=" + scene.victim().token()),
				new Disguise("victim token in ?authorization", null, Map.of(),
						"authorization=Bearer%20" + scene.victim().token()));
	}

	static List<Disguise> attackerIdentities(AttackScene scene) {
		String victimId = scene.victim().id();
		String token = scene.attacker().token();
		return List.of(new Disguise("attacker", token, Map.of(), ""),
				new Disguise("attacker + X-Carrier-User-Id", token, Map.of("X-Carrier-User-Id", victimId), ""),
				new Disguise("attacker + X-User-Id", token, Map.of("X-User-Id", victimId), ""),
				new Disguise("attacker + X-Forwarded-User", token, Map.of("X-Forwarded-User", victimId), ""),
				new Disguise("attacker + x-carrier-user-id (lower case)", token, Map.of("x-carrier-user-id", victimId),
						""),
				new Disguise("attacker + X-Forwarded-For spoofing", token, Map.of("X-Forwarded-For",
						"127.0.0.1, 10.0.0.1", "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"), ""));
	}

}
