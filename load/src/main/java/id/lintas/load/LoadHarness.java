package id.lintas.load;

import id.lintas.harness.EntryPoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load harness of issue 17: the hub jar, then the sum-of-parts baseline, under the same load from
 * the same driver, one table. Prints figures only; it passes or fails nothing.
 */
public final class LoadHarness {

    static final String NODELAY = "sun.net.httpserver.nodelay";

    /**
     * Stored referrals per transaction: each holds the audit sequencer's lock until it commits, and the
     * hub's sequencer gives up a wait longer than its socket timeout (it tries again a few seconds later).
     */
    static final int BATCH = 10_000;

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server leaves Nagle on: its answers' headers and body, written apart, then wait
        // for the client's delayed ACK (40 ms). Off, as servers the hub delivers to have it off.
        System.setProperty(NODELAY, "true");
        LoadSettings settings;
        try {
            settings = LoadSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path work = Files.createDirectories(settings.workDir());
        String machine = machine();
        System.out.println("Load harness, work folder " + work.toAbsolutePath());
        System.out.println(machine);
        Tracker tracker = new Tracker();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Row> rows = new ArrayList<>();
        List<Pressure> pressures = new ArrayList<>();
        List<Reads> reads = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        List<String> warmups = new ArrayList<>();
        Instant began = Instant.now();
        Random random = new Random();
        // Interrupted (Ctrl-C): the system under load and its database are stopped, not left running.
        AtomicReference<Target> current = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Target running = current.getAndSet(null);
            if (running != null) {
                running.close();
            }
        }));
        try (Receivers receivers = new Receivers(tracker)) {
            for (String system : settings.systems()) {
                // The baseline stores nothing: it runs once; the hub once per jar, stored size and round,
                // each a fresh hub.
                for (HubRun run : "hub".equals(system)
                        ? HubRun.of(settings)
                        : java.util.Collections.<HubRun>singletonList(null)) {
                    long stored = run == null ? 0 : run.stored();
                    String tag = "LD" + Character.toUpperCase(system.charAt(0)) + letters(random, 4);
                    Workload workload = new Workload(settings.sharedDir(), tag, settings.ppuRows());
                    System.out.println("starting " + (run == null ? system : run.name() + " (" + run.jar() + ")")
                            + (stored == 0 ? "" : " to store " + stored) + " ...");
                    Instant starting = Instant.now();
                    Target started;
                    try {
                        started = run != null
                                ? new HubTarget(settings, receivers, http, run)
                                : new BaselineTarget(settings, receivers, http);
                    } catch (IOException e) {
                        System.out.println(system + " did not start: " + e.getMessage());
                        continue;
                    }
                    current.set(started);
                    try (Target target = started) {
                        System.out.printf(
                                "%s ready in %.1fs%n",
                                target.name(),
                                Duration.between(starting, Instant.now()).toMillis() / 1000.0);
                        receivers.watchOutbox(target.ppuOutbox());
                        if (stored > 0) {
                            stores.add(store(target, workload, tracker, http, settings, stored));
                        }
                        String warmed = JitWarmup.run(target, workload, tracker, http, settings);
                        System.out.println(warmed);
                        warmups.add(warmed);
                        for (EntryPoint entry : settings.entries()) {
                            for (int concurrency : settings.concurrencies()) {
                                long backlog = tracker.owed();
                                Cell cell = new Cell(target, workload, tracker, http, settings, entry, concurrency, "");
                                Row row = cell.run();
                                rows.add(row);
                                pressures.add(cell.pressure());
                                String[] line = Table.format(List.of(row)).split("\n");
                                System.out.println(
                                        line[1] + (backlog > 0 ? "   (backlog at start: " + backlog + ")" : ""));
                            }
                        }
                        if (target instanceof HubTarget && settings.reads() > 0) {
                            List<Reads> read = reads(target, http, settings.reads());
                            reads.addAll(read);
                            System.out.print(Reads.format(read));
                        }
                    } finally {
                        current.set(null);
                    }
                }
            }
        }
        String table = Table.format(rows);
        String report = machine + "\n" + describe(settings) + "\n" + String.join("\n", warmups) + "\n" + table
                + "\nheap and GC at the cap (thrash: a full GC in the window, gc % >= " + (int) Pressure.THRASH_PERCENT
                + ", or live >= " + (int) (Pressure.FULL_SHARE * 100) + "% of max)\n" + Pressure.format(pressures)
                + (reads.isEmpty()
                        ? ""
                        : "\nGET /api/v1/referrals/{id}, one at a time, after the lines\n" + Reads.format(reads))
                + (stores.isEmpty() ? "" : "\n" + String.join("\n", stores) + "\n")
                + (settings.compareJar() == null && settings.rounds() == 1
                        ? ""
                        : "\nhub jars A (" + settings.hubJar() + ")"
                                + (settings.compareJar() == null ? "" : " and B (" + settings.compareJar() + ")")
                                + ", each line over " + settings.rounds() + " round(s): median (least-most)\n"
                                + Comparison.format(rows))
                + "\nload at end: " + loadAverage()
                + ", deliveries of no case of this run: " + tracker.unknownDeliveries() + ", run took "
                + Duration.between(began, Instant.now()).toSeconds() + "s\n";
        System.out.println();
        System.out.print(report);
        Files.writeString(work.resolve("table.txt"), report, StandardCharsets.UTF_8);
    }

    /**
     * Seeds the hub with a few seconds of real intakes per HTTP entry point (two senders; also its JIT
     * warm-up), waits for their audit entries to be sequenced, then stores {@code count} referrals.
     */
    private static String store(
            Target target, Workload workload, Tracker tracker, HttpClient http, LoadSettings settings, long count)
            throws Exception {
        for (EntryPoint entry : settings.entries()) {
            if (entry != EntryPoint.PPU_FILE) {
                new Cell(target, workload, tracker, http, settings.seeding(), entry, 2, "/seed").run();
            }
        }
        try (StoredReferrals store = new StoredReferrals(StoredReferrals.connect(target.dataDir()))) {
            for (int i = 0; i < 120 && store.pendingAudit() > 0; i++) {
                Thread.sleep(500);
            }
            System.out.println("storing " + count + " referrals ...");
            long began = System.nanoTime();
            StoredReferrals.Generated made = store.generate(count, BATCH, done -> {
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf("  stored %d of %d (%.0f/s)%n", done, count, done / seconds);
            });
            String line = String.format(
                    java.util.Locale.ROOT,
                    "%s: stored %d referrals (copies of %d real ones) in %.0fs, then vacuum analyze %.0fs; rows %s;"
                            + " not copied %s; database %s",
                    target.name(),
                    made.referrals(),
                    made.seeds(),
                    made.took().toMillis() / 1000.0,
                    made.analysed().toMillis() / 1000.0,
                    made.rows(),
                    made.notCopied(),
                    store.databaseSize());
            System.out.println(line);
            return line;
        }
    }

    /** The record read as the operator and as the sender, of up to 100 real referrals Kukar sent. */
    private static List<Reads> reads(Target target, HttpClient http, int n) throws Exception {
        List<java.util.UUID> ids;
        try (StoredReferrals store = new StoredReferrals(StoredReferrals.connect(target.dataDir()))) {
            ids = store.realReferrals(EntryPoint.KUKAR_HTTP.sender(), 100);
        }
        return List.of(
                Reads.time(http, target, Reads.OPERATOR, ids, n),
                Reads.time(http, target, EntryPoint.KUKAR_HTTP.sender(), ids, n));
    }

    private static String describe(LoadSettings s) {
        return "JIT warm-up up to " + s.jitWarmup().toSeconds() + "s per system, then per line warm-up "
                + s.warmup().toSeconds() + "s, window " + s.measure().toSeconds() + "s, drain up to "
                + s.drain().toSeconds() + "s per line; PPU files of " + s.ppuRows() + " rows; heap " + s.heap()
                + "; baseline consumers " + s.baselineConsumers() + "; stored " + s.stored();
    }

    /** The machine, as the table's reader needs it: cores, CPU model, JDK, load average at the start. */
    static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(model);
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + model + ", JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", load at start "
                + loadAverage();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String letters(Random random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }
}
