package dev.carrier.e2e.chaos;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table the chaos run prints: one row per fault, then how failed sends were answered
 * and any acknowledged seq that MySQL holds under another number.
 */
final class ChaosReport {

	private ChaosReport() {
	}

	static void printTable(List<Phase> phases) {
		String line = "%-22s %8s %8s %5s %5s %6s %7s %9s %7s %7s %5s %7s %7s %8s %6s%n";
		System.out.printf("%nchaos (%s form: %d senders, %d chats, client timeout %d s, Redis fault x%d)%n",
				ChaosSettings.FULL ? "full" : "short", ChaosSettings.SENDERS, ChaosSettings.CHATS,
				ChaosSettings.CLIENT_TIMEOUT.toSeconds(), Math.max(1, ChaosSettings.REDIS_REPEATS));
		System.out.printf(line, "fault", "acked", "in MySQL", "lost", "dup", "order", "failed", "(problem)", "(other)",
				"(refused)", "(hung)", "gave up", "restart", "all UP s", "live");
		for (Phase p : phases) {
			System.out.printf(line, p.label, p.acknowledged.size(), p.inMySql, p.lost, p.duplicated, p.outOfOrder,
					p.failedSends(), p.problems.sum(), p.notProblems.sum(), p.refused.sum(), p.hung.sum(),
					p.gaveUp.sum(), String.format("%.1f", p.restartSeconds), String.format("%.1f", p.upSeconds),
					p.liveEvents);
		}
		System.out
			.println("(order: acknowledged messages whose seqs in MySQL are out of acknowledgement order per sender, "
					+ "plus seqs held twice in a chat)");
		for (Phase p : phases) {
			if (!p.statuses.isEmpty() || !p.oddAnswers.isEmpty()) {
				Map<Integer, Long> statuses = new TreeMap<>();
				p.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
				System.out.printf("chaos: %s: failed-send statuses %s, re-logins %d%s%n", p.label, statuses,
						p.relogins.sum(), p.oddAnswers.isEmpty() ? "" : ", e.g. " + p.oddAnswers);
			}
			if (p.seqMoved > 0) {
				System.out.printf(
						"chaos: %s: %d acknowledged messages are in MySQL under another seq than their 201 gave%n",
						p.label, p.seqMoved);
			}
		}
	}

}
