package dev.carrier.chat;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages form a tree: no cycle between them, and no feature reaches into
 * another's internals (its package-private stores, or a sub-package it does not expose).
 * Fails the build on either, naming the types involved.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ChatServiceApplication.class);

	@Test
	void featurePackagesFormATreeAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

}
