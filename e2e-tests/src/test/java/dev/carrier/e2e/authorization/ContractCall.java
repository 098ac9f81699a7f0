package dev.carrier.e2e.authorization;

/**
 * One row of docs/api.md: {@code contract} as the table spells the call, and how to make
 * it.
 */
record ContractCall(String contract, Scope scope, String method, String template, String body) {

	String path(String chatId, String messageId, String userId) {
		return template.replace("{chatId}", chatId).replace("{messageId}", messageId).replace("{id}", userId);
	}

}
