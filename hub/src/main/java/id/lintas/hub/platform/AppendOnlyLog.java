package id.lintas.hub.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table that only grows, declared as a bean by the feature that owns it, for {@link LogSizeMetrics}:
 * the owner names its own table, and the metrics measure it without knowing whose it is.
 *
 * @param name the metric's {@code log} tag ({@code referral-events})
 * @param table the owner's table ({@code referral_event})
 */
public record AppendOnlyLog(String name, String table) {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    public AppendOnlyLog {
        Objects.requireNonNull(name, "name");
        // A fixed name from code, never from a request: it goes into the SQL as a name.
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
    }
}
