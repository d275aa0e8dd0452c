package id.lintas.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run's settings. The short run (the default, and {@code CrashHarnessIT}) fits a CI job on two
 * cores; {@code --long} is the run of issue 12 (2,000 referrals, 5 JVM kills, 3 JVM-and-database kills).
 *
 * @param hubJar the hub's executable jar
 * @param sharedDir the folder holding {@code domain/regions/*}/samples
 * @param workDir where the hub's data directory, its log and PPU's taken files are kept
 * @param referrals cases to send, a quarter per entry point
 * @param concurrency sendings in flight at once
 * @param faults how many of each fault, at random moments of the load
 * @param faultMin shortest time a receiver is down or hanging, or the database frozen
 * @param faultMax longest such time
 * @param readyLimit how long one start may take before it counts as failed
 * @param loadLimit the longest the sending may take
 * @param drainLimit how long the final wait goes on without a new delivery before it gives up
 * @param seed for the order of cases and the moments and targets of faults
 * @param hubArgs settings given to the hub besides the harness's own
 */
record HarnessSettings(
        Path hubJar,
        Path sharedDir,
        Path workDir,
        int referrals,
        int concurrency,
        Map<Fault, Integer> faults,
        Duration faultMin,
        Duration faultMax,
        Duration readyLimit,
        Duration loadLimit,
        Duration drainLimit,
        long seed,
        List<String> hubArgs) {

    /** The hub's retries are shortened so that a run ends in minutes; what counts as lost is the same. */
    static final List<String> HUB_ARGS =
            List.of("-Xmx512m", "--lintas.delivery.redelivery-delay=1s", "--lintas.delivery.max-redelivery-delay=15s");

    static HarnessSettings shortRun(Path hubJar, Path sharedDir, Path workDir) {
        return new HarnessSettings(
                hubJar,
                sharedDir,
                workDir,
                200,
                4,
                faults(1, 1, 1, 1, 1),
                Duration.ofSeconds(6),
                Duration.ofSeconds(12),
                Duration.ofSeconds(90),
                Duration.ofSeconds(150),
                Duration.ofSeconds(60),
                System.currentTimeMillis(),
                HUB_ARGS);
    }

    static HarnessSettings longRun(Path hubJar, Path sharedDir, Path workDir) {
        return new HarnessSettings(
                hubJar,
                sharedDir,
                workDir,
                2000,
                4,
                faults(5, 3, 2, 2, 2),
                Duration.ofSeconds(15),
                Duration.ofSeconds(40),
                Duration.ofSeconds(120),
                Duration.ofMinutes(60),
                Duration.ofSeconds(180),
                System.currentTimeMillis(),
                HUB_ARGS);
    }

    private static Map<Fault, Integer> faults(int jvm, int full, int down, int hang, int freeze) {
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        faults.put(Fault.JVM_KILL, jvm);
        faults.put(Fault.FULL_KILL, full);
        faults.put(Fault.RECEIVER_DOWN, down);
        faults.put(Fault.RECEIVER_HANG, hang);
        faults.put(Fault.DB_FREEZE, freeze);
        return faults;
    }

    String heap() {
        return hubArgs.stream()
                .filter(a -> a.startsWith("-Xmx"))
                .reduce((first, last) -> last)
                .orElse("-Xmx512m");
    }

    List<String> hubProperties() {
        return hubArgs.stream().filter(a -> !a.startsWith("-X")).toList();
    }

    static final String USAGE = """
            usage: java -jar harness/target/lintas-harness.jar [--long] [options]
              --referrals N           cases to send, a quarter per entry point (short 200, long 2000)
              --concurrency N         sendings in flight (4)
              --jvm-kills N           kill -9 of the JVM (short 1, long 5)
              --full-kills N          kill -9 of the JVM and its PostgreSQL (short 1, long 3)
              --receiver-outages N    a receiver answers 503 for a while (short 1, long 2)
              --receiver-hangs N      a receiver never answers for a while (short 1, long 2)
              --db-freezes N          the database is stopped (SIGSTOP) for a while (short 1, long 2)
              --fault-seconds MIN-MAX how long an outage, hang or freeze lasts (short 6-12, long 15-40)
              --ready-seconds N       one start may take this long before it counts as failed (short 90, long 120)
              --load-minutes N        the longest the sending may take (short 2.5, long 60)
              --drain-seconds N       the final wait ends after this long without a new delivery (short 60, long 180)
              --seed N                the order of cases and the moments of faults
              --hub-jar PATH          hub/target/lintas-hub.jar
              --shared-dir PATH       ../shared (holds domain/regions/*/samples)
              --work-dir PATH         a new temporary folder
              --hub-arg ARG           one more argument for the hub (repeatable), e.g. --hub-arg=-Xmx768m
            """;

    /** The settings named on the command line over the short or long run's. */
    static HarnessSettings parse(String[] args, Path defaultWorkDir) {
        boolean isLong = List.of(args).contains("--long");
        Path jar = Path.of("hub/target/lintas-hub.jar");
        Path shared = Path.of("../shared");
        HarnessSettings s = isLong ? longRun(jar, shared, defaultWorkDir) : shortRun(jar, shared, defaultWorkDir);
        Map<Fault, Integer> faults = new EnumMap<>(s.faults());
        Duration faultMin = s.faultMin();
        Duration faultMax = s.faultMax();
        List<String> hubArgs = new ArrayList<>(s.hubArgs());
        int referrals = s.referrals();
        int concurrency = s.concurrency();
        Duration ready = s.readyLimit();
        Duration load = s.loadLimit();
        Duration drain = s.drainLimit();
        long seed = s.seed();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--long")) {
                continue;
            }
            if (name.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            switch (name) {
                case "--referrals" -> referrals = positive(name, value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--jvm-kills" -> faults.put(Fault.JVM_KILL, count(name, value));
                case "--full-kills" -> faults.put(Fault.FULL_KILL, count(name, value));
                case "--receiver-outages" -> faults.put(Fault.RECEIVER_DOWN, count(name, value));
                case "--receiver-hangs" -> faults.put(Fault.RECEIVER_HANG, count(name, value));
                case "--db-freezes" -> faults.put(Fault.DB_FREEZE, count(name, value));
                case "--fault-seconds" -> {
                    String[] range = value.split("-");
                    faultMin = Duration.ofSeconds(positive(name, range[0]));
                    faultMax = Duration.ofSeconds(positive(name, range[range.length - 1]));
                }
                case "--ready-seconds" -> ready = Duration.ofSeconds(positive(name, value));
                case "--load-minutes" -> load = Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
                case "--drain-seconds" -> drain = Duration.ofSeconds(positive(name, value));
                case "--seed" -> seed = Long.parseLong(value);
                case "--hub-jar" -> jar = Path.of(value);
                case "--shared-dir" -> shared = Path.of(value);
                case "--work-dir" -> defaultWorkDir = Path.of(value);
                case "--hub-arg" -> hubArgs.add(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new HarnessSettings(
                jar,
                shared,
                defaultWorkDir,
                referrals,
                concurrency,
                faults,
                faultMin,
                faultMax,
                ready,
                load,
                drain,
                seed,
                hubArgs);
    }

    private static int positive(String name, String value) {
        int n = count(name, value);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return n;
    }

    private static int count(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + value);
        }
    }
}
