package id.lintas.load;

import id.lintas.harness.EntryPoint;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Load before a system's first line until its JIT compilers settle: every HTTP entry point of the run in
 * turn at the run's highest concurrency, in rounds of {@link #ROUND}, until the compiler threads' CPU in a
 * round is under {@link #SETTLED_PERCENT} of its wall time (of one core), or {@code LoadSettings.jitWarmup}
 * has passed.
 *
 * <p>The hub is a large program on two cores: for its first two to three minutes under load its C2
 * compiler takes a third of its CPU (measured 3 December: 1,000 of 3,100 ticks in 15 s, 40 s into
 * load), and a line's short warm-up measured that, not the hub (ADR 0016). The baseline runs the same
 * adapters and HAPI model and compiled for minutes too. Each line's {@code jit %} says how warm its
 * window was.
 */
final class JitWarmup {

    /** Compiler threads' CPU under this share of a round's wall time (100: one core busy): settled. */
    static final double SETTLED_PERCENT = 5.0;

    static final Duration ROUND = Duration.ofSeconds(10);

    private JitWarmup() {}

    /** Whether a round with this much compiling (CPU seconds, -1 when unreadable) settled the JIT. */
    static boolean settled(double compileSeconds, double wallSeconds) {
        return compileSeconds >= 0 && wallSeconds > 0 && compileSeconds * 100 / wallSeconds < SETTLED_PERCENT;
    }

    /** Warms the target up; returns the line the report keeps of it. */
    static String run(Target target, Workload workload, Tracker tracker, HttpClient http, LoadSettings settings)
            throws InterruptedException {
        List<EntryPoint> entries = settings.entries().stream()
                .filter(entry -> entry != EntryPoint.PPU_FILE)
                .toList();
        if (settings.jitWarmup().isZero() || entries.isEmpty()) {
            return target.name() + ": no JIT warm-up";
        }
        int concurrency = settings.concurrencies().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(16);
        // A round is split over the entry points; each part's deliveries are waited for briefly only, as
        // an idle wait would dilute the round's compiling (a backlog left shows at the first line's start).
        Duration part = ROUND.dividedBy(entries.size());
        LoadSettings each = settings.windows(Duration.ZERO, part, Duration.ofSeconds(2));
        long began = System.nanoTime();
        long giveUp = began + settings.jitWarmup().toNanos();
        int round = 0;
        String outcome = "not settled";
        double percent = -1;
        while (System.nanoTime() < giveUp) {
            round++;
            long start = System.nanoTime();
            double before = Meter.compilerCpuSeconds(target.pid());
            for (EntryPoint entry : entries) {
                new Cell(target, workload, tracker, http, each, entry, concurrency, "/jit").run();
            }
            double compiled = before < 0 ? -1 : Meter.compilerCpuSeconds(target.pid()) - before;
            double wall = (System.nanoTime() - start) / 1e9;
            percent = compiled < 0 ? -1 : compiled * 100 / wall;
            System.out.printf(
                    Locale.ROOT,
                    "  %s JIT warm-up round %d: compilers' CPU %.1f%% of %.0fs%n",
                    target.name(),
                    round,
                    percent,
                    wall);
            if (compiled < 0) {
                outcome = "compile time unreadable";
                break;
            }
            if (settled(compiled, wall)) {
                outcome = "settled";
                break;
            }
        }
        return String.format(
                Locale.ROOT,
                "%s: JIT warm-up %s after %.0fs in %d round(s) (compilers' CPU %.1f%% of the last round), c=%d over %s",
                target.name(),
                outcome,
                (System.nanoTime() - began) / 1e9,
                round,
                percent,
                concurrency,
                entries.stream().map(EntryPoint::label).toList());
    }
}
