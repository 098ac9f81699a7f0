package dev.carrier.e2e.authorization;

/**
 * How a row of docs/api.md touches data: public, the caller's own account, a chat, a
 * message of a chat.
 */
enum Scope {

	PUBLIC, SELF, CHAT, MESSAGE

}
