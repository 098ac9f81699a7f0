package dev.carrier.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests {

	private String before;

	@BeforeEach
	void rememberTheSetting() {
		this.before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
		System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
	}

	@AfterEach
	void restoreTheSetting() {
		if (this.before == null) {
			System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		}
		else {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, this.before);
		}
	}

	@Test
	void theGatewayRunsOneEventLoopPerAvailableCore() {
		GatewayApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
			.isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void anOperatorsEventLoopCountIsKept() {
		System.setProperty(ReactorNetty.IO_WORKER_COUNT, "6");

		GatewayApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("6");
	}

}
