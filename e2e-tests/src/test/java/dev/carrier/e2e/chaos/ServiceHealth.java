package dev.carrier.e2e.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.carrier.e2e.support.CarrierApi;

/**
 * Whether every service of the stack says UP, and how long after a kill it does again.
 */
final class ServiceHealth {

	private static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>(Map.of("gateway", 8080,
			"auth-service", 8081, "chat-service", 8082, "persistence-service", 8083, "chat-service-2", 8084));

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private ServiceHealth() {
	}

	static boolean allServicesUp() {
		return SERVICE_PORTS.values().stream().allMatch(ServiceHealth::serviceUp);
	}

	/**
	 * Seconds from the kill until every service says UP, or NaN when they never do within
	 * the limit.
	 */
	static double awaitAllServicesUp(long killedNanos) {
		long deadline = killedNanos + ChaosSettings.RECOVERY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (allServicesUp()) {
				return (System.nanoTime() - killedNanos) / 1e9;
			}
			Pause.millis(250);
		}
		Map<String, Boolean> state = new LinkedHashMap<>();
		SERVICE_PORTS.forEach((name, port) -> state.put(name, serviceUp(port)));
		System.out.println("chaos: not every service came back: " + state);
		return Double.NaN;
	}

	private static boolean serviceUp(int port) {
		try {
			// the gateway's public port has only /readyz; its actuator is on the
			// management port
			String path = (port == CarrierApi.BASE.getPort()) ? "/readyz" : "/actuator/health";
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(2))
				.build(), BodyHandlers.ofString());
			return response.statusCode() == 200
					&& "UP".equals(CarrierApi.JSON.readTree(response.body()).path("status").asString());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
