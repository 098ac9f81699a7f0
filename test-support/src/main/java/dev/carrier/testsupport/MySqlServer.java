package dev.carrier.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A MySQL 8.4 Testcontainer with a {@code carrier} database where a Docker engine
 * answers, otherwise nothing (the local MariaDB, {@code CARRIER_MYSQL_URL}). Needs
 * {@code testcontainers-mysql} on the test classpath.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MySqlServer {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	MySQLContainer mysql() {
		return new MySQLContainer(DockerImageName.parse("mysql:8.4")).withDatabaseName("carrier");
	}

}
