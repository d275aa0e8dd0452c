package id.lintas.harness;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's figures and the one table that shows them.
 *
 * @param firstStart the first start's time to ready (an empty data directory: initdb and migrations)
 * @param restarts every restart after a kill, in order
 * @param faults every fault injected, in order
 * @param notes the ledger's side counts (5xx answers, unanswered sendings, deliveries without a key...)
 * @param faulty the first lost and duplicated cases, by case number
 * @param abort why the run stopped early (the hub did not come back), or null
 */
record Report(
        HarnessSettings settings,
        Map<EntryPoint, Tally> byEntry,
        Duration firstStart,
        List<Restart> restarts,
        List<FaultEvent> faults,
        Duration runTime,
        Map<String, Long> notes,
        List<String> faulty,
        String abort) {

    /**
     * One restart of the hub after a kill.
     *
     * @param attempts starts it took (1 = first time)
     * @param ready the successful start's time from process start to ready
     * @param downtime from the kill to ready
     * @param orphansKilled database processes the harness killed by hand, as an operator would, when a start failed
     */
    record Restart(String cause, int attempts, Duration ready, Duration downtime, int orphansKilled) {
        boolean firstTime() {
            return attempts == 1;
        }
    }

    /** A fault, when it began (seconds into the run), and what it hit for how long. */
    record FaultEvent(Fault fault, long atSecond, String detail) {}

    /** Restarts under 30 s are the aim. */
    static final Duration QUICK_RESTART = Duration.ofSeconds(30);

    Tally total() {
        return byEntry.values().stream().reduce(Tally.ZERO, Tally::plus);
    }

    int lost() {
        return total().lost();
    }

    int duplicated() {
        return total().duplicated();
    }

    long restartsNotFirstTime() {
        return restarts.stream().filter(r -> !r.firstTime()).count();
    }

    boolean passed() {
        return abort == null && lost() == 0 && duplicated() == 0 && restartsNotFirstTime() == 0;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Crash harness: %d of %d planned referrals sent at concurrency %d, seed %d, %s%n",
                total().sent(),
                settings.referrals(),
                settings.concurrency(),
                settings.seed(),
                seconds(runTime)));
        String row = "%-25s %6s %9s %10s %5s %11s %12s %7s %8s %10s %15s%n";
        out.append(String.format(
                Locale.ROOT,
                row,
                "entry point",
                "sent",
                "accepted",
                "delivered",
                "lost",
                "duplicated",
                "redelivered",
                "resent",
                "refused",
                "forgotten",
                "unacknowledged"));
        byEntry.forEach((entry, t) -> out.append(line(row, entry.label() + " > " + entry.receiver(), t)));
        out.append(line(row, "total", total()));
        out.append(String.format(Locale.ROOT, "first start: %s to ready%n", seconds(firstStart)));
        out.append(String.format(
                Locale.ROOT,
                "restarts: %d, first time: %d, first time and under %ds: %d%n",
                restarts.size(),
                restarts.stream().filter(Restart::firstTime).count(),
                QUICK_RESTART.toSeconds(),
                restarts.stream()
                        .filter(r -> r.firstTime() && r.ready().compareTo(QUICK_RESTART) < 0)
                        .count()));
        for (int i = 0; i < restarts.size(); i++) {
            Restart r = restarts.get(i);
            out.append(String.format(
                    Locale.ROOT,
                    "  #%d after %-12s ready in %s (down %s)%s%s%n",
                    i + 1,
                    r.cause(),
                    seconds(r.ready()),
                    seconds(r.downtime()),
                    r.firstTime() ? "" : ", " + r.attempts() + " starts",
                    r.orphansKilled() == 0
                            ? ""
                            : ", " + r.orphansKilled() + " orphaned postgres processes killed by hand"));
        }
        out.append("faults: ")
                .append(faults.stream()
                        .collect(Collectors.groupingBy(
                                f -> f.fault().label(), java.util.TreeMap::new, Collectors.counting()))
                        .entrySet()
                        .stream()
                        .map(e -> e.getKey() + " x" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        faults.forEach(f -> out.append(String.format(
                Locale.ROOT, "  at %4ds %-13s %s%n", f.atSecond(), f.fault().label(), f.detail())));
        out.append("notes: ")
                .append(notes.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        faulty.forEach(f -> out.append("  ").append(f).append('\n'));
        if (abort != null) {
            out.append("aborted: ").append(abort).append('\n');
        }
        out.append(passed() ? "PASS" : "FAIL")
                .append(String.format(
                        Locale.ROOT,
                        ": lost %d, duplicated %d, restarts not first time %d%n",
                        lost(),
                        duplicated(),
                        restartsNotFirstTime()));
        return out.toString();
    }

    private static String line(String row, String label, Tally t) {
        return String.format(
                Locale.ROOT,
                row,
                label,
                t.sent(),
                t.accepted(),
                t.delivered(),
                t.lost(),
                t.duplicated(),
                t.redelivered(),
                t.resent(),
                t.refused(),
                t.forgotten(),
                t.unacknowledged());
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
