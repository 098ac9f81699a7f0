package dev.carrier.e2e.chaos;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.carrier.e2e.support.Servers;

/**
 * Kills one server with {@code kill -9} and starts it again: the project's own Redis and
 * MariaDB by the PID {@code ./carrier} recorded and {@code ./carrier start-store}, every
 * other server with {@code ./carrier up}.
 */
final class Faults {

	private Faults() {
	}

	static void killAndRestart(String fault) throws Exception {
		switch (fault) {
			case "redis" -> {
				Servers.killRedis();
				Servers.startRedis();
				awaitUntil("Redis answers", () -> Servers.redisCli("PING").contains("PONG"));
			}
			case "mariadb" -> {
				Servers.killMariaDb();
				Servers.startMariaDb();
				awaitUntil("MariaDB answers", () -> Servers.mysqlLong("select 1") == 1);
			}
			case "kafka", "persistence-service", "chat-service-2", "gateway", "chat-service", "auth-service" -> {
				String pid = Files.readString(Servers.ROOT.resolve(".carrier/pids/" + fault + ".pid")).trim();
				Servers.killHard(fault);
				awaitGone(pid);
				Servers.carrierUp();
			}
			default -> throw new IllegalArgumentException("unknown fault " + fault);
		}
	}

	/**
	 * Best effort: a killed process that nobody reaps lingers as a zombie, which holds no
	 * port.
	 */
	private static void awaitGone(String pid) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline
				&& ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			Pause.millis(100);
		}
	}

	private static void awaitUntil(String what, Callable<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (condition.call()) {
					return;
				}
			}
			catch (Exception ex) {
				// not yet
			}
			Pause.millis(200);
		}
		throw new IllegalStateException(what + ": not within 60 s");
	}

}
