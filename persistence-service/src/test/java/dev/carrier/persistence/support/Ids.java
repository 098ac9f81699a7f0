package dev.carrier.persistence.support;

import java.util.UUID;

/** Random ids: other engineers' tests share these servers. */
public final class Ids {

	private Ids() {
	}

	public static String random() {
		return UUID.randomUUID().toString();
	}

}
