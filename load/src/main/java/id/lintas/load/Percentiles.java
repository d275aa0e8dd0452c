package id.lintas.load;

import java.util.Arrays;

/** Percentiles of durations by the nearest-rank method: p of n sorted values is the ceil(p/100 * n)-th. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** No values: no percentile. */
    static final long NONE = Long.MIN_VALUE;

    /** The p-th percentile (0 < p <= 100), or {@link #NONE} when there are no values. */
    long at(double p) {
        if (sorted.length == 0) {
            return NONE;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
