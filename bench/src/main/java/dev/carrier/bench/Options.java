package dev.carrier.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to run and how hard; {@code --quick} shrinks everything so the whole run stays
 * under 3 minutes. Each {@link Workload} has its own defaults (see {@link #usage()}).
 */
record Options(Workload workload, boolean quick, boolean profile, URI gateway, List<URI> chatServices, URI persistence,
		String mysqlUrl, String mysqlUser, String mysqlPassword, String redisHost, int redisPort, String kafkaBootstrap,
		Path root, Path stackState, int senders, int chats, int users, int sessionsPerUser, Duration warmUp,
		Duration duration, Duration directDuration, Duration flushWait, int hydrationChats, int hydrationMessages,
		boolean ceilings, boolean ceilingsOnly, int repeats, List<Integer> rates, int maxInFlight, int searchMessages,
		SendOver sendOver) {

	/** The load each {@code --mode} puts on the stack. */
	enum Workload {

		/** Many users, many chats, 1,000 sockets, closed loop; then flush, hydration. */
		DEFAULT,
		/** The issue-17 side-by-side load: one user, 8 senders, 10 direct chats. */
		SEED,
		/** A fixed send rate (or a sweep of rates), each send timed from its schedule. */
		OPEN,
		/** Message search over 100,000 messages in MySQL (issue 20), timed per query. */
		SEARCH

	}

	/**
	 * How the sends through the gateway travel ({@code --send-over}); straight to
	 * chat-service they are POSTs whatever it says.
	 */
	enum SendOver {

		/** A send frame on a socket of the sending user: how the web app sends. */
		SOCKET("over the socket"),
		/** {@code POST /api/chats/{id}/messages}, one request per message. */
		POST("by POST");

		private final String phrase;

		SendOver(String phrase) {
			this.phrase = phrase;
		}

		static SendOver of(String flag) {
			return switch (flag) {
				case "socket" -> SOCKET;
				case "post" -> POST;
				default -> throw new IllegalArgumentException("--send-over takes socket or post, not " + flag);
			};
		}

		/** As given on the command line and written to the JSON. */
		String flag() {
			return name().toLowerCase();
		}

		/** For titles: "over the socket", "by POST". */
		String phrase() {
			return phrase;
		}

	}

	static Options parse(String[] args) {
		Flags f = Flags.parse(args);
		boolean quick = f.quick;
		Workload workload = f.workload;
		boolean seed = workload == Workload.SEED;
		boolean open = workload == Workload.OPEN;
		int d = f.seconds != null ? f.seconds : seed ? 20 : open ? (quick ? 10 : 20) : quick ? 20 : 60;
		List<URI> chatServices = new ArrayList<>();
		for (String url : env("CARRIER_CHAT_URLS", "http://127.0.0.1:8082,http://127.0.0.1:8084").split(",")) {
			chatServices.add(URI.create(url.trim()));
		}
		URI redisUri = URI.create(env("CARRIER_REDIS_URL", "redis://127.0.0.1:6379"));
		Path root = Path.of(f.root).toAbsolutePath().normalize();
		Path stackState = Path.of(env("CARRIER_STATE_DIR", root.resolve(".carrier").toString()))
			.toAbsolutePath()
			.normalize();
		// the default mode's load is issue 17's, quick or not: 32 senders over 50 chats,
		// so each message goes to 20 of the 1,000 sockets
		int senders = f.senders != null ? f.senders : seed ? 8 : 32;
		boolean search = workload == Workload.SEARCH;
		int chats = f.chats != null ? f.chats : seed ? 10 : search ? 20 : 50;
		// seed: the sending user and one recipient per chat, each with one socket
		int users = seed ? Math.max(f.users != null ? f.users : 0, chats + 1) : f.users != null ? f.users : 100;
		int sessions = f.sessions != null ? f.sessions : seed ? 1 : 10;
		List<Integer> rates = f.rates != null ? f.rates : quick ? List.of(500) : List.of(250, 500, 1000, 1500, 2000);
		// seed: five JVMs' C2 compilers are still at work after a minute on two
		// cores (one revision on a fresh stack: 125 msg/s after 60 s, 309 after
		// 180 s); open: a minute at the first rate
		int warmUp = f.warmUp != null ? f.warmUp : quick ? 5 : seed ? 180 : open ? 60 : 10;
		return new Options(workload, quick, f.profile, URI.create(env("CARRIER_URL", "http://localhost:8080")),
				chatServices, URI.create(env("CARRIER_PERSISTENCE_URL", "http://127.0.0.1:8083")),
				env("CARRIER_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/carrier"), env("CARRIER_MYSQL_USER", "carrier"),
				env("CARRIER_MYSQL_PASSWORD", "carrier"), redisUri.getHost(),
				redisUri.getPort() > 0 ? redisUri.getPort() : 6379, env("CARRIER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
				root, stackState, senders, chats, users, sessions, Duration.ofSeconds(warmUp), Duration.ofSeconds(d),
				// the direct run only needs to be long enough for a stable ratio
				Duration.ofSeconds(quick ? Math.min(d, 15) : d), Duration.ofSeconds(quick ? 30 : 180), 50, 50,
				f.ceilings && workload == Workload.DEFAULT, f.ceilingsOnly,
				f.repeats != null ? f.repeats : quick ? 1 : 3, rates, f.maxInFlight != null ? f.maxInFlight : 1024,
				f.messages != null ? f.messages : quick ? 20_000 : 100_000, f.sendOver);
	}

	static String usage() {
		return """
				Usage: ./carrier bench [--mode default|seed|open|search] [--quick] [--repeats N] [--profile]
				                       [--no-ceilings | --ceilings-only] [--senders N] [--chats M] [--duration SECONDS]
				                       [--warmup SECONDS] [--users U] [--sessions S] [--rate R | --sweep R1,R2,...]
				                       [--max-in-flight K] [--send-over socket|post]
				  --mode default  U users (100) x S sockets (10), N closed-loop senders (32) over M chats
				                  (50), 60 s (quick 20) after 10 s (quick 5), the same straight to
				                  chat-service, then flush, hydration and the Redis/Kafka ceilings
				  --mode seed     one user, 8 closed-loop senders over 10 direct chats with 10 users who hold one
				                  socket each, 20 s after 180 s: issue 17's side-by-side workload
				  --mode open     sends at a fixed rate over the default mode's users, chats and sockets, each timed
				                  from its intended start; --sweep 250,500,1000,1500,2000 (the default; quick:
				                  --rate 500) steps up until the stack saturates; 20 s per rate (quick 10)
				  --mode search   --messages N (100,000; quick 20,000) messages over 20 group chats straight into
				                  Kafka, then GET /api/search through the gateway, 4 kinds of query, p50/p95/p99
				  --quick         shorter phases and one repeat: the whole default mode in under 3 minutes
				  --repeats N     repeat each measured phase N times and report the median and range (3; quick 1)
				  --profile       one extra gateway phase with a JFR of chat-service and the gateway (not in the
				                  headline figures), then hot methods
				  --max-in-flight open mode: at most K sends in flight, later ones wait (and count as late)
				  --send-over     how sends through the gateway travel: socket (the default, as the web app sends: a
				                  send frame on one socket per sending user, answered sent/send.failed) or post
				                  (POST /api/chats/{id}/messages); straight to chat-service always POST. Figures
				                  from the two do not compare: POST figures need --send-over post
				Environment: CARRIER_URL, CARRIER_CHAT_URLS, CARRIER_PERSISTENCE_URL, CARRIER_MYSQL_*, CARRIER_REDIS_URL,
				CARRIER_KAFKA_BOOTSTRAP (the same names and defaults as ./carrier); CARRIER_STATE_DIR: the stack's
				.carrier directory (its pids/ and trust.key), default <root>/.carrier.""";
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/**
	 * Whether this run sends messages at all (the search mode and the ceilings do not).
	 */
	boolean sendsMessages() {
		return !ceilingsOnly && workload != Workload.SEARCH;
	}

	int webSocketClients() {
		return (workload == Workload.SEED ? users - 1 : users) * sessionsPerUser;
	}

	/** The command-line flags as given; null where the workload's default applies. */
	private static final class Flags {

		Workload workload = Workload.DEFAULT;

		boolean quick;

		boolean profile;

		boolean ceilings = true;

		boolean ceilingsOnly;

		Integer senders;

		Integer chats;

		Integer users;

		Integer sessions;

		Integer seconds;

		Integer warmUp;

		Integer repeats;

		Integer maxInFlight;

		List<Integer> rates;

		Integer messages;

		SendOver sendOver = SendOver.SOCKET;

		String root = env("CARRIER_ROOT", ".");

		static Flags parse(String[] args) {
			Flags f = new Flags();
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--mode" -> f.workload = Workload.valueOf(args[++i].toUpperCase());
					case "--quick" -> f.quick = true;
					case "--profile" -> f.profile = true;
					case "--no-ceilings" -> f.ceilings = false;
					case "--ceilings-only" -> f.ceilingsOnly = true;
					case "--senders" -> f.senders = Integer.parseInt(args[++i]);
					case "--chats" -> f.chats = Integer.parseInt(args[++i]);
					case "--users" -> f.users = Integer.parseInt(args[++i]);
					case "--sessions" -> f.sessions = Integer.parseInt(args[++i]);
					case "--duration" -> f.seconds = Integer.parseInt(args[++i]);
					case "--warmup" -> f.warmUp = Integer.parseInt(args[++i]);
					case "--repeats" -> f.repeats = Math.max(1, Integer.parseInt(args[++i]));
					case "--max-in-flight" -> f.maxInFlight = Integer.parseInt(args[++i]);
					case "--rate" -> f.rates = List.of(Integer.parseInt(args[++i]));
					case "--sweep" ->
						f.rates = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::parseInt).toList();
					case "--root" -> f.root = args[++i];
					case "--messages" -> f.messages = Integer.parseInt(args[++i]);
					case "--send-over" -> f.sendOver = SendOver.of(args[++i]);
					case "-h", "--help" -> {
						System.out.println(usage());
						System.exit(0);
					}
					default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
				}
			}
			return f;
		}

	}

}
