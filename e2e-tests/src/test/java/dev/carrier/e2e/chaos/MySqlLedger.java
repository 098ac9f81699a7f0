package dev.carrier.e2e.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.carrier.e2e.support.Servers;

/**
 * What MySQL holds of a phase's messages in the run's chats, held against what was
 * acknowledged: lost, duplicated, out of order.
 */
record MySqlLedger(List<String> chatIds) {

	void countWhatMySqlHolds(Phase phase) {
		String inList = String.join(",", chatIds.stream().distinct().map(id -> "'" + id + "'").toList());
		String sql = "select id from messages where chat_id in (" + inList + ") and text like ?";
		long deadline = System.nanoTime() + ChaosSettings.MYSQL_WAIT.toNanos();
		Set<String> stored = new HashSet<>();
		while (System.nanoTime() < deadline) {
			try {
				stored = new HashSet<>(Servers.mysqlStrings(sql, phase.tag + "%"));
				if (stored.containsAll(phase.acknowledged.keySet())) {
					break;
				}
			}
			catch (RuntimeException ex) {
				// MariaDB may still be starting
			}
			Pause.millis(1000);
		}
		Set<String> held = stored;
		phase.inMySql = held.size();
		phase.lost = phase.acknowledged.keySet().stream().filter(id -> !held.contains(id)).count();
		long rows = Servers.mysqlLong("select count(*) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%");
		long distinctTexts = Servers.mysqlLong(
				"select count(distinct text) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%");
		phase.duplicated = rows - distinctTexts;
		countOutOfOrder(phase, inList);
	}

	/**
	 * Each sender waits for one 201 before it sends the next, so its messages' seqs must
	 * rise in the order they were acknowledged; and no chat may hold one seq twice
	 * (counted over the chats' whole history, so a seq handed out again after a fault
	 * collides with the earlier phase's message too).
	 */
	private static void countOutOfOrder(Phase phase, String inList) {
		Map<String, Long> seqs = new HashMap<>();
		for (String row : Servers.mysqlStrings(
				"select concat(id, ' ', seq) from messages where chat_id in (" + inList + ") and text like ?",
				phase.tag + "%")) {
			int space = row.lastIndexOf(' ');
			seqs.put(row.substring(0, space), Long.parseLong(row.substring(space + 1)));
		}
		Map<Integer, List<Ack>> bySender = new TreeMap<>();
		phase.acks.forEach(ack -> bySender.computeIfAbsent(ack.sender(), k -> new ArrayList<>()).add(ack));
		long outOfOrder = 0;
		long moved = 0;
		for (List<Ack> acks : bySender.values()) {
			acks.sort(Comparator.comparingInt(Ack::n));
			long highest = Long.MIN_VALUE;
			for (Ack ack : acks) {
				Long stored = seqs.get(ack.id());
				if (stored == null) {
					continue; // lost: counted as such
				}
				if (stored != ack.seq()) {
					moved++;
				}
				if (stored <= highest) {
					outOfOrder++;
				}
				highest = Math.max(highest, stored);
			}
		}
		long seqsHeldTwice = Servers.mysqlLong(
				"select count(*) - count(distinct chat_id, seq) from messages where chat_id in (" + inList + ")");
		phase.outOfOrder = outOfOrder + seqsHeldTwice;
		phase.seqMoved = moved;
	}

}
