package dev.carrier.e2e.chaos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened during one fault: the messages acknowledged, how failed sends were
 * answered, and what MySQL holds afterwards. Written by the senders from many threads.
 */
final class Phase {

	/** What is killed: redis, kafka, ..., or none. */
	final String fault;

	/** The fault as reported: {@code redis #3} for the third Redis kill in a row. */
	final String label;

	/** Starts the text of every message of this phase: how MySQL rows are found. */
	final String tag;

	final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

	volatile boolean stopping;

	/**
	 * The fault could not be carried out: senders give up at once instead of retrying.
	 */
	volatile boolean aborted;

	/** Message id to text. */
	final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	final Set<String> texts = ConcurrentHashMap.newKeySet();

	final LongAdder attempts = new LongAdder();

	final LongAdder problems = new LongAdder();

	final LongAdder notProblems = new LongAdder();

	final LongAdder refused = new LongAdder();

	final LongAdder hung = new LongAdder();

	final LongAdder gaveUp = new LongAdder();

	final LongAdder relogins = new LongAdder();

	final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

	final ConcurrentLinkedQueue<String> oddAnswers = new ConcurrentLinkedQueue<>();

	long inMySql;

	long lost;

	long duplicated;

	/**
	 * Acknowledged messages whose MySQL seq breaks their sender's acknowledgement order,
	 * plus seqs held twice.
	 */
	long outOfOrder;

	/** Acknowledged messages whose seq in MySQL is not the one their 201 carried. */
	long seqMoved;

	double restartSeconds;

	double upSeconds = Double.NaN;

	int liveEvents;

	Phase(String fault, String label, String run) {
		this.fault = fault;
		this.label = label;
		this.tag = "chaos " + run + " " + label.replace(" #", "#") + " ";
	}

	long failedSends() {
		return problems.sum() + notProblems.sum() + refused.sum() + hung.sum();
	}

}
