package id.lintas.load;

import id.lintas.harness.EntryPoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line of the table: {@code concurrency} senders, each sending its next distinct case as soon as
 * the previous one is answered (closed loop), a warm-up, a measurement window read between two
 * snapshots (answers, deliveries, CPU, GC), the heap at the window's end, then a bounded wait for the
 * window's referrals to be delivered.
 */
final class Cell {

    private static final long POLL_MILLIS = 20;

    private final Target target;
    private final Workload workload;
    private final Tracker tracker;
    private final HttpClient http;
    private final LoadSettings settings;
    private final EntryPoint entry;
    private final int concurrency;
    private final String id;
    private final AtomicLong errors = new AtomicLong();
    private volatile int phase;
    private Pressure pressure;

    /**
     * A line; {@code purpose} keeps its cases apart from other lines' in the tracker ({@code ""} for the
     * table's lines, {@code "/seed"} for the intakes stored referrals are copied from).
     */
    Cell(
            Target target,
            Workload workload,
            Tracker tracker,
            HttpClient http,
            LoadSettings settings,
            EntryPoint entry,
            int concurrency,
            String purpose) {
        this.target = target;
        this.workload = workload;
        this.tracker = tracker;
        this.http = http;
        this.settings = settings;
        this.entry = entry;
        this.concurrency = concurrency;
        this.id = target.name() + "/" + entry.label() + "/" + concurrency + purpose;
    }

    Row run() throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            senders.submit(this::sendUntilStopped);
        }
        Thread.sleep(settings.warmup().toMillis());
        long pid = target.pid();
        List<ProcessHandle> jvm = ProcessHandle.of(pid).stream().toList();
        long answers0 = tracker.answers();
        long deliveries0 = tracker.deliveries();
        double cpu0 = Meter.cpuMillis(jvm);
        double db0 = Meter.cpuMillis(target.database());
        double gc0 = Meter.gcSeconds(pid);
        double jit0 = Meter.compilerCpuSeconds(pid);
        long[] collections0 = Meter.gcCounts(pid);
        long start = System.nanoTime();
        phase = 1;
        Thread.sleep(settings.measure().toMillis());
        phase = 2;
        double seconds = (System.nanoTime() - start) / 1e9;
        long answers = tracker.answers() - answers0;
        long deliveries = tracker.deliveries() - deliveries0;
        double cpu = Meter.cpuMillis(jvm) - cpu0;
        double db = Meter.cpuMillis(target.database()) - db0;
        double gc = Meter.gcSeconds(pid) - gc0;
        double jit1 = Meter.compilerCpuSeconds(pid);
        double jitPercent = jit0 < 0 || jit1 < 0 ? -1 : (jit1 - jit0) * 100 / seconds;
        long[] collections = Meter.gcCounts(pid);
        long[] heap = Meter.heapMb(pid);
        senders.shutdown();
        long giveUp = System.nanoTime() + settings.drain().toNanos();
        senders.awaitTermination(settings.drain().toSeconds() + 60, TimeUnit.SECONDS);
        senders.shutdownNow();
        while (tracker.owed(id) > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        List<Tracker.Track> measured = tracker.measured(id);
        long end = start + (long) (seconds * 1e9);
        // A file takes longer than a window: its rows are timed when their receipt or delivery falls in the window.
        List<Tracker.Track> answeredSet = entry == EntryPoint.PPU_FILE
                ? tracker.all(id).stream()
                        .filter(t -> t.answered >= start && t.answered <= end)
                        .toList()
                : measured.stream().filter(t -> t.answered != 0).toList();
        List<Tracker.Track> deliveredSet = entry == EntryPoint.PPU_FILE
                ? tracker.all(id).stream()
                        .filter(t -> t.delivered >= start && t.delivered <= end)
                        .toList()
                : measured.stream()
                        .filter(t -> t.delivered != 0 && t.answered != 0)
                        .toList();
        long[] answerTimes =
                answeredSet.stream().mapToLong(t -> t.answered - t.sent).toArray();
        long[] lags = deliveredSet.stream().mapToLong(Tracker.Track::lag).toArray();
        int undelivered = (int) measured.stream().filter(t -> t.delivered == 0).count();
        double gcPercent = gc < 0 ? -1 : gc * 100 / seconds;
        pressure = new Pressure(
                target.name(),
                entry.label(),
                concurrency,
                gcPercent,
                difference(collections0[0], collections[0]),
                difference(collections0[1], collections[1]),
                difference(collections0[2], collections[2]),
                heap[1],
                heap[2]);
        return new Row(
                target.name(),
                entry.label(),
                concurrency,
                answers / seconds,
                deliveries / seconds,
                percentiles(answerTimes),
                percentiles(lags),
                measured.size(),
                undelivered,
                errors.get(),
                deliveries == 0 ? -1 : cpu / deliveries,
                deliveries == 0 ? -1 : db / deliveries,
                gcPercent,
                jitPercent,
                heap[0],
                heap[1],
                heap[2]);
    }

    /** The heap and collections of the last {@link #run}. */
    Pressure pressure() {
        return pressure;
    }

    private static long difference(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static long[] percentiles(long[] values) {
        Percentiles p = new Percentiles(values);
        return new long[] {p.at(50), p.at(95), p.at(99)};
    }

    private void sendUntilStopped() {
        try {
            while (phase < 2) {
                Workload.Unit unit = workload.next(entry);
                if (entry == EntryPoint.PPU_FILE) {
                    export(unit);
                } else {
                    post(unit);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            System.err.println(id + ": sender stopped: " + e);
        }
    }

    private void post(Workload.Unit unit) throws InterruptedException, IOException {
        String sender = entry.sender();
        URI uri = URI.create(target.base()
                + (entry == EntryPoint.JAKARTA_FHIR
                        ? "/fhir/$process-message"
                        : "/api/v1/participants/" + sender + "/referrals"));
        String type = switch (entry) {
            case JAKARTA_FHIR -> "application/fhir+json";
            case PRABUMULIH_XML -> "application/xml";
            default -> "application/json";
        };
        String caseNumber = unit.caseNumbers().get(0);
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = target.token(sender);
            tracker.sent(caseNumber, id, System.nanoTime(), phase == 1, false);
            HttpResponse<Void> answer;
            try {
                answer = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(unit.body()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                errors.incrementAndGet();
                Thread.sleep(200);
                return;
            }
            if (answer.statusCode() / 100 == 2) {
                tracker.answered(caseNumber, System.nanoTime());
                return;
            }
            if (answer.statusCode() != 401) {
                if (errors.incrementAndGet() <= 3) {
                    // Which answer it was (a 503 of a busy intake, a 400...): the table counts them only.
                    System.err.println(id + ": answered " + answer.statusCode()
                            + answer.headers()
                                    .firstValue("Retry-After")
                                    .map(s -> ", Retry-After " + s)
                                    .orElse(""));
                }
                Thread.sleep(200);
                return;
            }
            target.invalidate(sender);
        }
        errors.incrementAndGet();
    }

    /** A PPU export: written under a temporary name, renamed into the inbox; waits for its receipt. */
    private void export(Workload.Unit unit) throws IOException, InterruptedException {
        Path inbox = Files.createDirectories(target.ppuInbox());
        Path temp = inbox.resolve(unit.fileName() + ".tmp");
        Files.write(temp, unit.body());
        long dropped = System.nanoTime();
        boolean measured = phase == 1;
        unit.caseNumbers().forEach(c -> tracker.sent(c, id, dropped, measured, true));
        Files.move(temp, inbox.resolve(unit.fileName()), StandardCopyOption.ATOMIC_MOVE);
        long stoppedAt = 0;
        while (!unit.caseNumbers().stream().allMatch(tracker::answered)) {
            if (phase == 2 && stoppedAt == 0) {
                stoppedAt = System.nanoTime();
            }
            if (stoppedAt != 0
                    && System.nanoTime() - stoppedAt > settings.drain().toNanos()) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
