package dev.carrier.e2e.fuzz;

import dev.carrier.e2e.support.CarrierApi;

/**
 * What came back for one hostile request: a status and a reply, or no answer ({@code -1}:
 * the connection was closed or timed out).
 */
record Answer(int status, CarrierApi.Reply reply, boolean timedOut, String error) {

	/** How the answer is counted in the report: its status, "timeout" or "closed". */
	String shownStatus() {
		return timedOut ? "timeout" : status == -1 ? "closed" : String.valueOf(status);
	}

}
