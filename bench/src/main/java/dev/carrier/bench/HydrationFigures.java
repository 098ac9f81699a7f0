package dev.carrier.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 5: a user whose 50 chats were evicted from Redis logs in and lists them.
 */
final class HydrationFigures {

	private HydrationFigures() {
	}

	static void report(Report report, Hydration.Result result) {
		report.section("5 hydration (a user with %d chats x %d messages, evicted from Redis)",
				report.options().hydrationChats(), report.options().hydrationMessages());
		if (result == null) {
			report.row("hydration", "failed (see notes)");
			return;
		}
		Map<String, Object> h = new LinkedHashMap<>();
		report.row("seeded / in MySQL", "%d / %d  (sent in %.1f s, in MySQL %.1f s later)", result.seeded(),
				result.rowsInMySql(), result.seedMillis() / 1000.0, result.persistMillis() / 1000.0);
		h.put("seeded", result.seeded());
		h.put("inMySql", result.rowsInMySql());
		if (result.loginMillis() >= 0) {
			report.row("Redis keys deleted", String.valueOf(result.keysDeleted()));
			report.row("login (includes PBKDF2) / GET /api/chats", "%d ms / %d ms", result.loginMillis(),
					result.listMillis());
			report.row("chats listed / with lastMessage / seq = " + result.messagesPerChat(), "%d / %d / %d",
					result.listed(), result.listedWithLastMessage(), result.lastSeqMatches());
			h.put("loginMillis", result.loginMillis());
			h.put("listMillis", result.listMillis());
			h.put("listed", result.listed());
			h.put("withLastMessage", result.listedWithLastMessage());
			h.put("lastSeqMatches", result.lastSeqMatches());
		}
		if (result.note() != null) {
			report.row("note", result.note());
			h.put("note", result.note());
		}
		if (result.serviceTimers().isEmpty()) {
			report.row("persistence hydration timer", "none on /actuator/prometheus");
		}
		else {
			result.serviceTimers().forEach((series, value) -> report.row("  " + series, value));
		}
		h.put("serviceTimers", result.serviceTimers());
		report.put("hydration", h);
	}

}
