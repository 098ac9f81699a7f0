package dev.carrier.auth;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages form a tree: no cycles between them, and none reaches into
 * another's internals (only a feature's top-level public types are its API). Fails the
 * build otherwise.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AuthServiceApplication.class);

	@Test
	void featurePackagesFormATreeAndUseOnlyEachOthersApi() {
		this.modules.verify();
	}

}
