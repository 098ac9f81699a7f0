package dev.carrier.e2e.chaos;

import tools.jackson.databind.JsonNode;

/**
 * One try at sending a message: the answer ({@code -1} when the connection failed), or a
 * timeout.
 */
record Attempt(int status, JsonNode body, String contentType, String text, boolean timedOut) {
}
