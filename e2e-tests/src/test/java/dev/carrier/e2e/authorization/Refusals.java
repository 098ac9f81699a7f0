package dev.carrier.e2e.authorization;

import java.util.ArrayList;
import java.util.List;

import dev.carrier.e2e.support.CarrierApi.Reply;

/**
 * The attacks of one test that were not refused as the contract says, collected so that
 * one failure names all of them.
 */
final class Refusals {

	private final List<String> failures = new ArrayList<>();

	void clear() {
		failures.clear();
	}

	void expect(boolean condition, String what, ContractCall call, Disguise who, Reply reply) {
		if (!condition) {
			failures.add(what + " <= " + who.name() + ": " + call.method() + " " + call.template() + "  ==> "
					+ reply.status() + " " + abbreviate(reply.text()));
		}
	}

	List<String> failures() {
		return failures;
	}

	static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}
