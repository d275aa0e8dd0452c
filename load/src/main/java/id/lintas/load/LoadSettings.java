package id.lintas.load;

import id.lintas.harness.EntryPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's settings. The full run: every entry point at concurrency 1, 4 and 16, a 10,000-row PPU
 * file, 10 s warm-up and 20 s measurement per line. {@code --quick}: a smoke run of a few seconds per
 * line at concurrency 4 and a 200-row file.
 *
 * @param hubJar the hub's executable jar
 * @param sharedDir the folder holding {@code domain/regions/*}/samples
 * @param workDir the run's folder: data directories and logs of the hub and the baseline
 * @param entries the entry points, in this order (PPU's file last: its backlog is the longest)
 * @param concurrencies senders in flight, each line
 * @param warmup load before each line's window, not measured
 * @param measure each line's measurement window
 * @param drain the longest wait after a window for the window's referrals to be delivered
 * @param ppuRows rows (one case each) of each PPU export
 * @param heap the heap option of both child JVMs
 * @param baselineConsumers the baseline's delivery consumers
 * @param systems {@code hub}, {@code baseline}, or both, run in that order
 * @param hubArgs settings given to the hub besides the harness's own
 * @param stored referrals stored in the hub's database before its lines, one fresh hub per size
 *     ({@link StoredReferrals}); the baseline stores nothing and runs once
 * @param reads operator reads ({@code GET /api/v1/referrals/{id}}) timed after each hub's lines
 * @param compareJar a second hub jar run under the same lines, alternated with the first ({@link HubRun}),
 *     or null
 * @param rounds how many times each hub jar runs its lines, alternated (one fresh hub each)
 * @param jitWarmup the longest load before a system's first line for its JIT compilers to settle
 *     ({@link JitWarmup}); zero: none
 */
record LoadSettings(
        Path hubJar,
        Path sharedDir,
        Path workDir,
        List<EntryPoint> entries,
        List<Integer> concurrencies,
        Duration warmup,
        Duration measure,
        Duration drain,
        int ppuRows,
        String heap,
        int baselineConsumers,
        List<String> systems,
        List<String> hubArgs,
        List<Long> stored,
        int reads,
        Path compareJar,
        int rounds,
        Duration jitWarmup) {

    static final String USAGE = """
            java -jar load/target/lintas-load.jar [options]
              --quick                 smoke run: 3 s warm-up, 5 s window, concurrency 4, 200-row PPU file, no JIT warm-up
              --hub-jar PATH          default hub/target/lintas-hub.jar
              --shared-dir PATH       default ../shared (holds domain/regions)
              --work-dir PATH         default load/target/load-<time>
              --entries LIST          kukar-http,prabumulih-xml,jakarta-fhir,ppu-file (default all, in this order)
              --concurrency LIST      default 1,4,16
              --warmup SECONDS        default 10
              --jit-warmup SECONDS    the longest load before a system's first line, until its JIT compilers
                                      settle (under 5% of a 10 s round), default 600; 0: none
              --measure SECONDS       default 20
              --drain SECONDS         default 30
              --ppu-rows N            rows of each PPU export, default 10000
              --heap OPTION           default -Xmx1g (hub and baseline alike)
              --xmx SIZE              the same as --heap -Xmx<SIZE>, e.g. --xmx 512m
              --baseline-consumers N  default 16
              --systems LIST          hub,baseline (default both)
              --hub-arg ARG           passed to the hub (repeatable), e.g. --hub-arg=--logging.level.root=WARN
              --stored LIST           referrals stored before the hub's lines, a fresh hub each, e.g. 0,1000000
                                      (default 0): copies of real intakes made in SQL, see docs/performance.md
              --reads N               timed GET /api/v1/referrals/{id} after each hub's lines, default 200
              --compare PATH          a second hub jar (B) run under the same lines as --hub-jar (A), alternated
              --rounds N              fresh hubs per jar, alternated A B, B A, ... (default 1); with --compare or
                                      N > 1 a summary gives each line's median and range per jar
            """;

    static LoadSettings parse(String[] args) {
        Path hubJar = Path.of("hub/target/lintas-hub.jar");
        Path shared = Path.of("../shared");
        Path work = Path.of(
                "load/target/load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<EntryPoint> entries =
                List.of(EntryPoint.KUKAR_HTTP, EntryPoint.PRABUMULIH_XML, EntryPoint.JAKARTA_FHIR, EntryPoint.PPU_FILE);
        List<Integer> concurrencies = List.of(1, 4, 16);
        long warmup = 10;
        long measure = 20;
        long drain = 30;
        int ppuRows = 10_000;
        String heap = "-Xmx1g";
        int consumers = 16;
        List<String> systems = List.of("hub", "baseline");
        List<String> hubArgs = new ArrayList<>();
        List<Long> stored = List.of(0L);
        int reads = 200;
        Path compare = null;
        int rounds = 1;
        long jitWarmup = 600;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean quick = name.equals("--quick");
            boolean help = name.equals("--help");
            String value = quick || help
                    ? null
                    : arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(args, ++i, name);
            switch (name) {
                case "--help" -> throw new IllegalArgumentException(USAGE);
                case "--quick" -> {
                    warmup = 3;
                    measure = 5;
                    drain = 15;
                    concurrencies = List.of(4);
                    ppuRows = 200;
                    jitWarmup = 0;
                }
                case "--hub-jar" -> hubJar = Path.of(value);
                case "--shared-dir" -> shared = Path.of(value);
                case "--work-dir" -> work = Path.of(value);
                case "--entries" ->
                    entries = List.of(value.split(",")).stream()
                            .map(LoadSettings::entry)
                            .toList();
                case "--concurrency" ->
                    concurrencies = List.of(value.split(",")).stream()
                            .map(Integer::parseInt)
                            .toList();
                case "--warmup" -> warmup = Long.parseLong(value);
                case "--jit-warmup" -> jitWarmup = Long.parseLong(value);
                case "--measure" -> measure = Long.parseLong(value);
                case "--drain" -> drain = Long.parseLong(value);
                case "--ppu-rows" -> ppuRows = Integer.parseInt(value);
                case "--heap" -> heap = value;
                case "--xmx" -> heap = "-Xmx" + value;
                case "--stored" ->
                    stored = List.of(value.split(",")).stream()
                            .map(n -> Long.parseLong(n.replace("_", "")))
                            .toList();
                case "--reads" -> reads = Integer.parseInt(value);
                case "--baseline-consumers" -> consumers = Integer.parseInt(value);
                case "--systems" -> systems = List.of(value.split(","));
                case "--hub-arg" -> hubArgs.add(value);
                case "--compare" -> compare = Path.of(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1\n" + USAGE);
        }
        return new LoadSettings(
                hubJar,
                shared,
                work,
                entries,
                concurrencies,
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(measure),
                Duration.ofSeconds(drain),
                ppuRows,
                heap,
                consumers,
                systems,
                List.copyOf(hubArgs),
                stored,
                reads,
                compare,
                rounds,
                Duration.ofSeconds(jitWarmup));
    }

    /** The same run's settings for the few seconds of real intakes that seed the stored referrals. */
    LoadSettings seeding() {
        return windows(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(60));
    }

    /** The same run's settings with other windows (and no JIT warm-up of their own). */
    LoadSettings windows(Duration warmup, Duration measure, Duration drain) {
        return new LoadSettings(
                hubJar,
                sharedDir,
                workDir,
                entries,
                concurrencies,
                warmup,
                measure,
                drain,
                ppuRows,
                heap,
                baselineConsumers,
                systems,
                hubArgs,
                stored,
                reads,
                compareJar,
                rounds,
                Duration.ZERO);
    }

    private static String next(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static EntryPoint entry(String label) {
        for (EntryPoint entry : EntryPoint.values()) {
            if (entry.label().equals(label)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("unknown entry point " + label + "\n" + USAGE);
    }
}
