package dev.carrier.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants bound as UTC {@code DATETIME(6)} literals. MariaDB announces itself to
 * Connector/J as "5.5.5-10.x", a version Connector/J believes has no fractional seconds,
 * so a bound {@code Timestamp} would lose its microseconds; a string keeps them, on MySQL
 * 8 as well.
 */
public final class SqlTimes {

	private static final DateTimeFormatter DATETIME_6 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private SqlTimes() {
	}

	public static String utc(Instant instant) {
		return (instant != null) ? DATETIME_6.format(instant) : null;
	}

}
