package id.lintas.load;

/**
 * One line of the table: one system under one entry point at one concurrency, over the measurement window.
 *
 * @param system {@code hub} or {@code baseline}
 * @param entry the entry point's label
 * @param concurrency senders in flight
 * @param acceptedPerSecond answers (202, or for a file its receipt's accepted rows) in the window, per second
 * @param deliveredPerSecond first deliveries in the receiver's format in the window, per second
 * @param answerNanos p50, p95, p99 of send → answer of referrals sent in the window ({@link Percentiles#NONE}: none)
 * @param lagNanos p50, p95, p99 of answer → delivered (for a file: drop → delivered) of those referrals
 * @param measured referrals sent in the window
 * @param undelivered of those, not delivered when the drain ended
 * @param errors answers other than 2xx, and sendings without an answer (in the whole line, warm-up included)
 * @param jvmCpuMillisPerReferral the process's CPU time in the window over deliveries in the window
 * @param dbCpuMillisPerReferral the same for its PostgreSQL processes
 * @param gcPercent share of the window's wall time in GC pauses
 * @param jitPercent the JIT compiler threads' CPU in the window over its wall time (100: one core): well
 *     above a few percent, the window measured a JVM still compiling, not a warm one
 * @param heapUsedMb heap used at the window's end
 * @param heapLiveMb heap used after a full GC at the window's end
 * @param heapMaxMb the heap's maximum
 */
record Row(
        String system,
        String entry,
        int concurrency,
        double acceptedPerSecond,
        double deliveredPerSecond,
        long[] answerNanos,
        long[] lagNanos,
        int measured,
        int undelivered,
        long errors,
        double jvmCpuMillisPerReferral,
        double dbCpuMillisPerReferral,
        double gcPercent,
        double jitPercent,
        long heapUsedMb,
        long heapLiveMb,
        long heapMaxMb) {}
