package id.lintas.load;

import java.util.List;

/**
 * The heap and the collector of one line, over its measurement window: does the system under load
 * collect garbage faster than it does work at its heap cap ({@code --xmx})?
 *
 * @param system the system's label in the table
 * @param entry the entry point's label
 * @param concurrency senders in flight
 * @param gcPercent the window's wall time in GC (the table's {@code gc %})
 * @param young young collections in the window (jstat's YGC), -1 unknown
 * @param full full collections in the window (FGC): G1 runs one only when it found no room
 * @param concurrent concurrent marking cycles in the window (CGC): the old generation reached its threshold
 * @param liveMb heap used after a full GC at the window's end
 * @param maxMb the heap's maximum
 */
record Pressure(
        String system,
        String entry,
        int concurrency,
        double gcPercent,
        long young,
        long full,
        long concurrent,
        long liveMb,
        long maxMb) {

    /** GC time this share of the window or more is thrashing (the JVM's own GC overhead limit is 98%). */
    static final double THRASH_PERCENT = 25;

    /** The live set this share of the maximum or more leaves the collector too little room. */
    static final double FULL_SHARE = 0.9;

    /**
     * Thrashing: a full collection in the window, GC taking a quarter of the wall time or more, or a
     * live set of 90% of the cap or more (every collection then frees little and comes soon again).
     */
    boolean thrashing() {
        return full > 0 || gcPercent >= THRASH_PERCENT || (maxMb > 0 && liveMb >= FULL_SHARE * maxMb);
    }

    /** Live set as a share of the maximum, in percent; -1 unknown. */
    double livePercent() {
        return liveMb < 0 || maxMb <= 0 ? -1 : 100.0 * liveMb / maxMb;
    }

    private static final String[] HEADER = {
        "system", "entry point", "c", "gc %", "young", "full", "conc", "live MB/max", "live %", "thrash"
    };

    static String format(List<Pressure> lines) {
        return Table.grid(HEADER, lines.stream().map(Pressure::cells).toList(), 2);
    }

    private String[] cells() {
        return new String[] {
            system,
            entry,
            Integer.toString(concurrency),
            Table.number(gcPercent),
            count(young),
            count(full),
            count(concurrent),
            liveMb + "/" + maxMb,
            Table.number(livePercent()),
            thrashing() ? "yes" : "no"
        };
    }

    private static String count(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
