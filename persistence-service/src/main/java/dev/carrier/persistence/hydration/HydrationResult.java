package dev.carrier.persistence.hydration;

/** {@code POST /internal/hydrations/...}: how many chats and messages went into Redis, and how long it took. */
public record HydrationResult(int chats, int messages, long millis) {
}
