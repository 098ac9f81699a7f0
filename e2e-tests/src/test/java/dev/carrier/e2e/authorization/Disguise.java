package dev.carrier.e2e.authorization;

import java.util.Map;

/**
 * An identity the attacker presents: extra headers, a token (or none), a query string.
 */
record Disguise(String name, String token, Map<String, String> headers, String query) {
}
