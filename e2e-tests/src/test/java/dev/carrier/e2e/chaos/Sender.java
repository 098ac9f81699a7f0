package dev.carrier.e2e.chaos;

import java.util.concurrent.atomic.AtomicReference;

import dev.carrier.e2e.support.TestUser;

/**
 * A user who sends into one chat, with a token that is replaced when the session dies.
 */
record Sender(TestUser user, String chatId, AtomicReference<String> token) {
}
