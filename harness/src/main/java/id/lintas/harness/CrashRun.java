package id.lintas.harness;

import id.lintas.harness.Report.FaultEvent;
import id.lintas.harness.Report.Restart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run: the receivers and the hub start, the regions send at the set concurrency while faults
 * strike at random moments (each kill followed by a restart on the same data directory), then the
 * hub is left to deliver what it owes until nothing more arrives, and every accepted case is looked
 * up in the hub's record. Everything it started is stopped when it ends, also when it fails (a
 * shutdown hook covers an interrupted JVM).
 */
final class CrashRun implements AutoCloseable {

    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final int STARTS = 3;
    /** The receivers of referrals over HTTP, struck in turn (from a random one) so that a short run hits both. */
    private static final List<String> RECEIVERS = List.of("kukar", "jakarta");

    private final HarnessSettings settings;
    private final Random random;
    private final Ledger ledger = new Ledger();
    private final List<Restart> restarts = new CopyOnWriteArrayList<>();
    private final List<FaultEvent> faults = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService outboxTaker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ppu-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean loadDone = new AtomicBoolean();
    private final Thread hook = new Thread(this::close, "crash-harness-cleanup");
    private final Instant runStart = Instant.now();
    private volatile String abort;
    private int receiverFaults;
    private RegionServers regions;
    private HubProcess hub;
    private Senders senders;

    private CrashRun(HarnessSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.receiverFaults = random.nextInt(RECEIVERS.size());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Report run(HarnessSettings settings) throws IOException, InterruptedException {
        try (CrashRun run = new CrashRun(settings)) {
            return run.execute();
        }
    }

    private Report execute() throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.hubJar())) {
            throw new IllegalStateException("no hub jar at " + settings.hubJar().toAbsolutePath()
                    + ": build it first with ./mvnw -pl hub -am package -DskipTests");
        }
        Path work = settings.workDir().toAbsolutePath();
        Path dataDir = work.resolve("data");
        Files.createDirectories(dataDir);
        String tag = "H"
                + Long.toString(System.currentTimeMillis() / 1000 % 2_176_782_336L, 36)
                        .toUpperCase(Locale.ROOT);
        say("work folder %s (hub log: hub.log), cases tagged %s, seed %d", work, tag, settings.seed());

        regions = new RegionServers(ledger);
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> properties =
                new ArrayList<>(List.of("--spring.profiles.active=demo", "--lintas.security.issuer=" + base));
        properties.addAll(regions.endpointProperties());
        properties.addAll(settings.hubProperties());
        hub = new HubProcess(settings.hubJar(), dataDir, port, properties, settings.heap(), work.resolve("hub.log"));
        PpuFolders ppu = new PpuFolders(dataDir.resolve("files"), work.resolve("ppu-taken"), ledger);
        outboxTaker.scheduleWithFixedDelay(
                () -> {
                    try {
                        ppu.takeOutbox();
                    } catch (IOException | UncheckedIOException e) {
                        say("PPU outbox not read this time: %s", e.getMessage());
                    }
                },
                300,
                300,
                TimeUnit.MILLISECONDS);

        Duration firstStart = hub.startAndAwaitReady(settings.readyLimit().multipliedBy(2))
                .orElseThrow(() -> new IllegalStateException("the hub did not start; see " + hub.log()));
        say("hub ready in %.1fs on port %d", firstStart.toMillis() / 1000.0, port);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        senders = new Senders(http, base, new Tokens(http, base, settings.hubJar()), ledger, ppu);

        List<Cases.Unit> units = new Cases(settings.sharedDir(), tag).units(settings.referrals(), random);
        units.forEach(u -> u.caseNumbers().forEach(c -> ledger.expect(c, u.entry())));
        load(units);

        regions.allNormal();
        keepRunning("died before the final wait");
        drain();
        checkRecords();
        Duration runTime = Duration.between(runStart, Instant.now());
        hub.close();
        return new Report(
                settings,
                ledger.tally(),
                firstStart,
                List.copyOf(restarts),
                List.copyOf(faults),
                runTime,
                notes(ppu),
                ledger.faulty(10),
                abort);
    }

    /** The regions send every unit while the faults strike; returns when both are done. */
    private void load(List<Cases.Unit> units) throws InterruptedException {
        ConcurrentLinkedQueue<Cases.Unit> queue = new ConcurrentLinkedQueue<>(units);
        AtomicInteger taken = new AtomicInteger();
        Instant deadline = Instant.now().plus(settings.loadLimit());
        // A case taken before the deadline is followed until the hub answers it, for a while longer.
        Instant answerBy = deadline.plus(settings.readyLimit().multipliedBy(2));
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            workers.submit(() -> {
                Cases.Unit unit;
                while (abort == null && Instant.now().isBefore(deadline) && (unit = queue.poll()) != null) {
                    taken.incrementAndGet();
                    try {
                        senders.send(unit, answerBy);
                    } catch (IOException e) {
                        say("a sending failed: %s", e.getMessage());
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        Thread faulting = new Thread(() -> faults(units.size(), taken), "faults");
        faulting.start();
        workers.awaitTermination(
                Duration.between(Instant.now(), answerBy).plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
        loadDone.set(true);
        say("load done: %d of %d sendings taken", taken.get(), units.size());
        faulting.join();
    }

    /** Each planned fault at a random point of the load (faults left when the load ends strike at once). */
    private void faults(int units, AtomicInteger taken) {
        List<Fault> plan = new ArrayList<>();
        settings.faults().forEach((fault, n) -> plan.addAll(Collections.nCopies(n, fault)));
        Collections.shuffle(plan, random);
        List<Double> moments = new ArrayList<>();
        plan.forEach(f -> moments.add(0.08 + 0.84 * random.nextDouble()));
        Collections.sort(moments);
        try {
            for (int i = 0; i < plan.size() && abort == null; i++) {
                while (!loadDone.get() && taken.get() < moments.get(i) * units) {
                    Thread.sleep(200);
                }
                inject(plan.get(i));
                keepRunning("died after " + plan.get(i).label());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            abort = "faults stopped: " + e.getMessage();
            say("%s", abort);
        }
    }

    private void inject(Fault fault) throws IOException, InterruptedException {
        long at = Duration.between(runStart, Instant.now()).toSeconds();
        Duration window = window();
        switch (fault) {
            case JVM_KILL -> {
                Instant down = Instant.now();
                hub.killJvm();
                faults.add(new FaultEvent(fault, at, "kill -9 of the JVM"));
                restart(fault.label(), down);
            }
            case FULL_KILL -> {
                Instant down = Instant.now();
                int database = hub.database().size();
                hub.killJvmAndDatabase();
                faults.add(new FaultEvent(fault, at, "kill -9 of the JVM and " + database + " postgres processes"));
                restart(fault.label(), down);
            }
            case RECEIVER_DOWN, RECEIVER_HANG -> {
                String receiver = RECEIVERS.get(receiverFaults++ % RECEIVERS.size());
                RegionServers.Mode mode =
                        fault == Fault.RECEIVER_DOWN ? RegionServers.Mode.UNAVAILABLE : RegionServers.Mode.HANGING;
                faults.add(new FaultEvent(fault, at, receiver + " for " + window.toSeconds() + "s"));
                say("%s: %s for %ds", fault.label(), receiver, window.toSeconds());
                regions.mode(receiver, mode);
                try {
                    Thread.sleep(window.toMillis());
                } finally {
                    regions.mode(receiver, RegionServers.Mode.NORMAL);
                }
            }
            case DB_FREEZE -> {
                say("%s for %ds", fault.label(), window.toSeconds());
                int frozen = hub.freezeDatabase(window);
                faults.add(new FaultEvent(
                        fault, at, frozen + " postgres processes stopped for " + window.toSeconds() + "s"));
            }
        }
    }

    private Duration window() {
        long min = settings.faultMin().toMillis();
        long max = Math.max(min, settings.faultMax().toMillis());
        return Duration.ofMillis(min + (long) (random.nextDouble() * (max - min)));
    }

    /**
     * Starts the hub again on its data directory. A start that fails is tried again; before the second
     * try the harness kills database processes the dead JVM left behind, as an operator would. Each
     * extra start is reported: the aim is that every restart works the first time.
     */
    private void restart(String cause, Instant downSince) throws IOException, InterruptedException {
        int orphans = 0;
        for (int attempt = 1; attempt <= STARTS; attempt++) {
            if (attempt == 2) {
                orphans += hub.killOrphanedDatabase();
            }
            Optional<Duration> ready = hub.startAndAwaitReady(settings.readyLimit());
            if (ready.isPresent()) {
                Restart restart =
                        new Restart(cause, attempt, ready.get(), Duration.between(downSince, Instant.now()), orphans);
                restarts.add(restart);
                say(
                        "restart after %s: ready in %.1fs (start %d)",
                        cause, ready.get().toMillis() / 1000.0, attempt);
                return;
            }
            say("restart after %s: start %d did not become ready (see %s)", cause, attempt, hub.log());
            hub.killJvm();
        }
        throw new IllegalStateException("the hub did not come back after " + cause + " in " + STARTS + " starts");
    }

    private void keepRunning(String cause) throws IOException, InterruptedException {
        if (abort == null && !hub.alive()) {
            restart(cause, Instant.now());
        }
    }

    /** The hub delivers what it owes; ends once nothing is owed and all is quiet, or nothing arrives any more. */
    private void drain() throws InterruptedException {
        Instant lastChange = Instant.now();
        int effects = ledger.effects();
        while (abort == null) {
            Thread.sleep(1000);
            try {
                keepRunning("died during the final wait");
            } catch (IOException | RuntimeException e) {
                abort = e.getMessage();
                break;
            }
            if (ledger.effects() != effects) {
                effects = ledger.effects();
                lastChange = Instant.now();
            }
            Duration still = Duration.between(lastChange, Instant.now());
            if ((ledger.undelivered() == 0 && still.compareTo(QUIET) > 0)
                    || still.compareTo(settings.drainLimit()) > 0) {
                break;
            }
        }
        say("final wait over: %d accepted cases undelivered", ledger.undelivered());
    }

    private void checkRecords() throws InterruptedException {
        if (abort != null) {
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        ExecutorService checkers = Executors.newFixedThreadPool(4);
        ledger.acceptedIds()
                .forEach((caseNumber, hubId) -> checkers.submit(() -> {
                    senders.checkRecord(caseNumber, hubId, deadline);
                    return null;
                }));
        checkers.shutdown();
        checkers.awaitTermination(4, TimeUnit.MINUTES);
    }

    private Map<String, Long> notes(PpuFolders ppu) {
        Map<String, Long> notes = new LinkedHashMap<>();
        notes.put("5xx answers", ledger.serverErrors());
        notes.put("sendings unanswered", ledger.noAnswers());
        notes.put("deliveries without Idempotency-Key", ledger.unkeyedDeliveries());
        notes.put("deliveries of no case of this run", ledger.strangerDeliveries());
        notes.put("PPU receipts", ppu.receiptsTaken());
        notes.put("status messages received", regions.statusesReceived());
        notes.put("records not checked", ledger.uncheckedRecords());
        return notes;
    }

    private void say(String format, Object... args) {
        long at = Duration.between(runStart, Instant.now()).toSeconds();
        System.out.printf(Locale.ROOT, "[harness %4ds] %s%n", at, String.format(Locale.ROOT, format, args));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outboxTaker.shutdownNow();
        if (hub != null) {
            hub.close();
        }
        if (regions != null) {
            regions.close();
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running this very close.
            }
        }
    }
}
