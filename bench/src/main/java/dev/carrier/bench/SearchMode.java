package dev.carrier.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Issue 20's search figure: {@code --messages} messages (100,000) over 20 group chats of
 * one user, written the way chat-service writes them (MessageSent events on
 * {@code carrier.chat.message-sent}, straight into Kafka: the send path is not what is
 * measured, and 100,000 sends through it would take longer than the search run), stored
 * by persistence-service, the chats then evicted from Redis so that chat-service reloads
 * them from MySQL consistently. Then the user searches through the gateway: a rare word,
 * a common word, a two-word phrase and a search in one chat, each timed, one at a time.
 */
final class SearchMode {

	private static final String TOPIC = "carrier.chat.message-sent";

	/** Planted in exactly {@link #RARE_COUNT} messages. */
	private static final String RARE = "quintessence";

	private static final int RARE_COUNT = 10;

	private static final int QUERIES_PER_KIND = 100;

	private SearchMode() {
	}

	static void run(Run run) throws Exception {
		Options options = run.options;
		Accounts accounts = new Accounts(run.api, options.root());
		Accounts.User owner = accounts.signUp("searcher");
		Accounts.User first = accounts.signUpOnly("search_peer");
		Accounts.User second = accounts.signUpOnly("search_peer");
		List<String> chatIds = new ArrayList<>();
		for (int i = 0; i < options.chats(); i++) {
			var reply = run.api.post("/api/chats", owner.token(),
					Map.of("members", List.of(first.username(), second.username()), "name", "search " + i));
			if (reply.status() != 201) {
				throw new IllegalStateException("creating search chat " + i + " failed: " + reply);
			}
			chatIds.add(reply.json().get("chat").get("id").asString());
		}
		int total = options.searchMessages();
		Bench.log("writing %d messages over %d chats into Kafka", total, chatIds.size());
		long seedStart = System.nanoTime();
		seed(options, chatIds, List.of(owner.id(), first.id(), second.id()), total);
		long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
		long stored = awaitStored(options, chatIds, total);
		long storedMillis = (System.nanoTime() - seedStart) / 1_000_000;
		Hydration.evict(options, chatIds);

		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("rare word (" + RARE_COUNT + " hits)", "q=" + RARE);
		queries.put("common word", "q=" + Vocabulary.word(1));
		queries.put("two-word phrase", "q=" + enc("\"" + Vocabulary.word(3) + " " + Vocabulary.word(4) + "\""));
		queries.put("common word, one chat", "q=" + Vocabulary.word(2) + "&chatId=" + chatIds.get(0));
		for (String query : queries.values()) {
			// warm-up: the reload of the evicted chats and the JIT
			for (int i = 0; i < 5; i++) {
				run.api.get("/api/search?" + query, owner.token());
			}
		}
		Histogram all = new Histogram(60_000_000L, 3);
		Map<String, Object> json = new LinkedHashMap<>();
		run.report.section(
				"1 search: %d messages in MySQL over %d chats (%d stored in %.1f s), %d queries of "
						+ "each kind, one at a time, through the gateway",
				total, chatIds.size(), stored, storedMillis / 1000.0, QUERIES_PER_KIND);
		for (Map.Entry<String, String> kind : queries.entrySet()) {
			Histogram latency = new Histogram(60_000_000L, 3);
			int results = -1;
			for (int i = 0; i < QUERIES_PER_KIND; i++) {
				long start = System.nanoTime();
				Api.Reply reply = run.api.get("/api/search?" + kind.getValue(), owner.token());
				long micros = (System.nanoTime() - start) / 1_000;
				if (reply.status() != 200) {
					throw new IllegalStateException("search " + kind.getKey() + " answered " + reply);
				}
				results = reply.json().get("results").size();
				latency.recordValue(micros);
				all.recordValue(micros);
			}
			run.report.row(kind.getKey(), "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d results on the first page)",
					ms(latency, 50), ms(latency, 95), ms(latency, 99), results);
			json.put(kind.getKey(), Map.of("p50Ms", ms(latency, 50), "p95Ms", ms(latency, 95), "p99Ms", ms(latency, 99),
					"firstPageResults", results));
		}
		run.report.row("all queries", "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", ms(all, 50), ms(all, 95), ms(all, 99));
		json.put("all", Map.of("p50Ms", ms(all, 50), "p95Ms", ms(all, 95), "p99Ms", ms(all, 99)));
		json.put("messages", total);
		json.put("stored", stored);
		json.put("seedMillis", seedMillis);
		run.report.put("search", json);
		run.loadFinished();
	}

	/**
	 * MessageSent events, seqs 1.. per chat, sentAt one second apart, text drawn from a
	 * Zipf-like vocabulary; {@link #RARE} in {@link #RARE_COUNT} of them.
	 */
	private static void seed(Options options, List<String> chatIds, List<String> senders, int total) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		SplittableRandom random = new SplittableRandom(20);
		Instant start = Instant.now().minus(Duration.ofSeconds(total + 60L));
		int perChat = (total + chatIds.size() - 1) / chatIds.size();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			int written = 0;
			for (int seq = 1; seq <= perChat && written < total; seq++) {
				for (int c = 0; c < chatIds.size() && written < total; c++) {
					String chatId = chatIds.get(c);
					String text = Vocabulary.sentence(random)
							+ ((written % (total / RARE_COUNT) == 7) ? " " + RARE : "");
					String event = Api.JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
							"occurredAt", Instant.now().toString(), "message",
							Map.of("id", UUID.randomUUID().toString(), "chatId", chatId, "seq", seq, "senderId",
									senders.get(random.nextInt(senders.size())), "text", text, "sentAt",
									start.plusSeconds(written).toString(), "clientMessageId", "bench-" + written,
									"generation", 0)));
					producer.send(new ProducerRecord<>(TOPIC, chatId, event));
					written++;
				}
			}
			producer.flush();
		}
	}

	private static long awaitStored(Options options, List<String> chatIds, int total) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long rows = 0;
		try (Connection mysql = FlushMonitor.mysql(options)) {
			while (System.nanoTime() < deadline) {
				rows = FlushMonitor.count(mysql, "messages", "chat_id", chatIds);
				if (rows >= total) {
					return rows;
				}
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("MySQL held only " + rows + " of " + total + " messages after 10 minutes");
	}

	private static double ms(Histogram latency, double percentile) {
		return Stat.round(latency.getValueAtPercentile(percentile) / 1000.0);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
