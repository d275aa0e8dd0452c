package id.lintas.hub.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The size of the hub's append-only logs (the trails of referrals, agreements and keys, and the raw
 * inbound messages, each declared by its owner as an {@link AppendOnlyLog}), as {@code lintas.log.entries} and {@code lintas.log.size.bytes} tagged {@code log}:
 * they only grow, so an operator plans disk and retention from them. Read at most every 15 seconds
 * (a scrape interval).
 */
@Component
class LogSizeMetrics {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    /** Log name (the tag) to its table, as the owners declare them. */
    private final Map<String, String> logs = new HashMap<>();

    private volatile Map<String, long[]> snapshot = Map.of();
    private volatile Instant takenAt = Instant.EPOCH;

    LogSizeMetrics(JdbcClient jdbc, MeterRegistry meters, List<AppendOnlyLog> owned) {
        this.jdbc = jdbc;
        owned.forEach(log -> logs.put(log.name(), log.table()));
        for (String log : logs.keySet()) {
            Gauge.builder("lintas.log.entries", () -> sizes().getOrDefault(log, new long[2])[0])
                    .description("Entries in one of the hub's append-only logs")
                    .tag("log", log)
                    .register(meters);
            Gauge.builder("lintas.log.size", () -> sizes().getOrDefault(log, new long[2])[1])
                    .description("Disk space of one of the hub's append-only logs, with its indexes")
                    .baseUnit("bytes")
                    .tag("log", log)
                    .register(meters);
        }
    }

    private Map<String, long[]> sizes() {
        if (Instant.now().isAfter(takenAt.plus(FRESH))) {
            try {
                Map<String, long[]> read = new HashMap<>();
                logs.forEach((log, table) -> read.put(log, new long[] {
                    jdbc.sql("select count(*) from " + table).query(Long.class).single(),
                    jdbc.sql("select pg_total_relation_size(?::regclass)")
                            .param(table)
                            .query(Long.class)
                            .single()
                }));
                snapshot = read;
            } catch (RuntimeException databaseDown) {
                // Keep the last figures: a scrape must not fail because the database is slow.
            }
            takenAt = Instant.now();
        }
        return snapshot;
    }
}
