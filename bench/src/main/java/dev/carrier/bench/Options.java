package dev.carrier.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run and how hard; {@code --quick} shrinks everything so the whole run stays
 * under 3 minutes.
 */
record Options(boolean quick, boolean profile, URI gateway, List<URI> chatServices, URI persistence, String mysqlUrl,
		String mysqlUser, String mysqlPassword, String redisHost, int redisPort, String kafkaBootstrap, Path root,
		int senders, int chats, int users, int sessionsPerUser, Duration warmUp, Duration duration,
		Duration directDuration, Duration flushWait, int hydrationChats, int hydrationMessages, boolean ceilings,
		boolean ceilingsOnly) {

	static Options parse(String[] args) {
		boolean quick = false;
		boolean profile = false;
		boolean ceilings = true;
		boolean ceilingsOnly = false;
		Integer senders = null;
		Integer chats = null;
		Integer users = null;
		Integer sessions = null;
		Integer seconds = null;
		Integer warmUp = null;
		String root = env("CARRIER_ROOT", ".");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> quick = true;
				case "--profile" -> profile = true;
				case "--no-ceilings" -> ceilings = false;
				case "--ceilings-only" -> ceilingsOnly = true;
				case "--senders" -> senders = Integer.parseInt(args[++i]);
				case "--chats" -> chats = Integer.parseInt(args[++i]);
				case "--users" -> users = Integer.parseInt(args[++i]);
				case "--sessions" -> sessions = Integer.parseInt(args[++i]);
				case "--duration" -> seconds = Integer.parseInt(args[++i]);
				case "--warmup" -> warmUp = Integer.parseInt(args[++i]);
				case "--root" -> root = args[++i];
				case "-h", "--help" -> {
					System.out.println(usage());
					System.exit(0);
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
			}
		}
		int d = seconds != null ? seconds : quick ? 20 : 60;
		List<URI> chatServices = new ArrayList<>();
		for (String url : env("CARRIER_CHAT_URLS", "http://127.0.0.1:8082,http://127.0.0.1:8084").split(",")) {
			chatServices.add(URI.create(url.trim()));
		}
		String redis = env("CARRIER_REDIS_URL", "redis://127.0.0.1:6379");
		URI redisUri = URI.create(redis);
		return new Options(quick, profile, URI.create(env("CARRIER_URL", "http://localhost:8080")), chatServices,
				URI.create(env("CARRIER_PERSISTENCE_URL", "http://127.0.0.1:8083")),
				env("CARRIER_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/carrier"), env("CARRIER_MYSQL_USER", "carrier"),
				env("CARRIER_MYSQL_PASSWORD", "carrier"), redisUri.getHost(),
				redisUri.getPort() > 0 ? redisUri.getPort() : 6379, env("CARRIER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
				Path.of(root).toAbsolutePath().normalize(), senders != null ? senders : quick ? 32 : 64,
				chats != null ? chats : quick ? 50 : 100, users != null ? users : 100, sessions != null ? sessions : 10,
				Duration.ofSeconds(warmUp != null ? warmUp : quick ? 5 : 10), Duration.ofSeconds(d),
				// the direct run only needs to be long enough for a stable ratio
				Duration.ofSeconds(quick ? Math.min(d, 15) : d), Duration.ofSeconds(quick ? 30 : 180), 50, 50, ceilings,
				ceilingsOnly);
	}

	static String usage() {
		return """
				Usage: ./carrier bench [--quick] [--profile] [--no-ceilings | --ceilings-only] [--senders N] [--chats M]
				                       [--duration SECONDS] [--warmup SECONDS] [--users U] [--sessions S]
				  --quick      32 senders over 50 chats for 20 s (15 s direct), shorter waits: under 3 minutes
				  --profile    record a JFR of chat-service and the gateway during the send phase, print hot methods
				Environment: CARRIER_URL, CARRIER_CHAT_URLS, CARRIER_PERSISTENCE_URL, CARRIER_MYSQL_*, CARRIER_REDIS_URL,
				CARRIER_KAFKA_BOOTSTRAP (the same names and defaults as ./carrier).""";
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	int webSocketClients() {
		return users * sessionsPerUser;
	}

}
