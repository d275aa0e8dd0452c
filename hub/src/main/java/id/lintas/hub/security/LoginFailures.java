package id.lintas.hub.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed authentications per key ({@code account:<name>}, {@code client:<id>}, {@code address:<ip>}) in
 * PostgreSQL, shared by every hub instance: from a threshold on, each further failure locks the key for
 * twice as long as the last, from one second up to the configured maximum (see
 * {@link SecurityProperties.Lockout}).
 *
 * <p>Almost every request carries credentials from an address, account or client that has no failures:
 * each bearer request would otherwise ask PostgreSQL about its address (one autocommit select, about a
 * tenth of the hub's CPU a referral under load, ADR 0017). A key found without failures is therefore
 * remembered as quiet for {@link #QUIET_FOR} and not asked about again meanwhile. A failure counted here
 * forgets that at once; one counted by another instance is seen here within {@link #QUIET_FOR} at most.
 * Failures are always counted in PostgreSQL, so the counts and the locks stay exact; only another
 * instance's lock may take that long to be enforced here.
 */
class LoginFailures {

    static final String ADDRESS = "address:";
    /** How long a key found without failures is not asked about again. */
    static final Duration QUIET_FOR = Duration.ofSeconds(1);
    /** Quiet keys kept at most: past this they are all forgotten (and asked about again). */
    static final int QUIET_KEYS = 10_000;

    private final JdbcClient jdbc;
    private final SecurityProperties.Lockout lockout;
    private final Clock clock;

    /**
     * Per key, what the last look found: {@code quiet} with the time it was found without failures, or
     * not quiet (a failure was counted here since). {@code order} says which came first, from
     * {@link #order}: a look that began before a failure was counted cannot mark its key quiet.
     */
    private record Look(long order, boolean quiet, long atMillis) {}

    private final Map<String, Look> looks = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    /** The {@link #order} at which the quiet keys were last all forgotten. */
    private volatile long forgottenAt;

    LoginFailures(JdbcClient jdbc, SecurityProperties.Lockout lockout, Clock clock) {
        this.jdbc = jdbc;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** What is known of the keys: failures and lock, for those that failed lately. */
    record State(int failures, Instant lockedUntil) {}

    Map<String, State> states(Collection<String> keys) {
        long now = clock.millis();
        List<String> asked = new ArrayList<>(keys.size());
        for (String key : keys) {
            Look look = looks.get(key);
            if (look == null
                    || !look.quiet()
                    || now - look.atMillis() < 0
                    || now - look.atMillis() >= QUIET_FOR.toMillis()) {
                asked.add(key);
            }
        }
        Map<String, State> states = new HashMap<>();
        if (asked.isEmpty()) {
            return states;
        }
        long began = order.incrementAndGet();
        jdbc.sql("select key, failures, locked_until from login_failure where key = any (?)")
                .param(asked.toArray(String[]::new))
                .query(rs -> {
                    Timestamp locked = rs.getTimestamp(3);
                    states.put(rs.getString(1), new State(rs.getInt(2), locked == null ? null : locked.toInstant()));
                });
        if (looks.size() >= QUIET_KEYS) {
            forgottenAt = order.incrementAndGet();
            looks.clear();
        }
        for (String key : asked) {
            if (!states.containsKey(key) && began > forgottenAt) {
                looks.compute(
                        key,
                        (k, last) -> last != null && !last.quiet() && last.order() > began
                                ? last
                                : new Look(began, true, now));
            }
        }
        return states;
    }

    /** How long the longest lock among these states still lasts, or zero. */
    Duration lockedFor(Map<String, State> states) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (State state : states.values()) {
            if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, state.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest;
    }

    /** Counts a failure for each key, and locks those past their threshold. */
    void failed(Collection<String> keys) {
        Instant now = clock.instant();
        Timestamp forgottenBefore = Timestamp.from(now.minus(lockout.maxLockout()));
        for (String key : keys) {
            int failures = jdbc.sql("insert into login_failure (key, failures, last_failure_at) values (?, 1, ?)"
                            + " on conflict (key) do update set last_failure_at = excluded.last_failure_at,"
                            + " failures = case when login_failure.last_failure_at < ? then 1 else login_failure.failures + 1 end"
                            + " returning failures")
                    .params(key, Timestamp.from(now), forgottenBefore)
                    .query(Integer.class)
                    .single();
            int threshold = key.startsWith(ADDRESS) ? lockout.addressFailures() : lockout.failures();
            if (failures >= threshold) {
                Duration lock = lockFor(failures - threshold);
                jdbc.sql("update login_failure set locked_until = ? where key = ?")
                        .params(Timestamp.from(now.plus(lock)), key)
                        .update();
            }
            // After the commit: a look that began before it may not have seen this failure.
            looks.put(key, new Look(order.incrementAndGet(), false, 0));
        }
    }

    /** Forgets the failures of an account or client that has just authenticated. */
    void succeeded(Collection<String> keys) {
        jdbc.sql("delete from login_failure where key = any (?)")
                .param(keys.toArray(String[]::new))
                .update();
    }

    /** Forgets keys without a recent failure and without a lock; returns how many. */
    int purgeQuiet() {
        Instant now = clock.instant();
        return jdbc.sql(
                        "delete from login_failure where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(Timestamp.from(now.minus(lockout.maxLockout())), Timestamp.from(now))
                .update();
    }

    private Duration lockFor(int beyondThreshold) {
        Duration lock = Duration.ofSeconds(1L << Math.min(beyondThreshold, 30));
        return lock.compareTo(lockout.maxLockout()) > 0 ? lockout.maxLockout() : lock;
    }
}
