package id.lintas.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hub as a child process ({@code java -jar lintas-hub.jar}) on one data directory, and the faults
 * done to it: kill -9 of the JVM, of the JVM with its embedded PostgreSQL, and the database frozen
 * (SIGSTOP). The embedded PostgreSQL is not the JVM's child (pg_ctl detaches it), so it is found by
 * its data directory on its command line, and its backends as that process's descendants.
 */
public final class HubProcess implements AutoCloseable {

    private final List<String> command;
    private final Path dataDir;
    private final Path log;
    private final URI readiness;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Instant startedAt;

    public HubProcess(Path jar, Path dataDir, int port, List<String> properties, String heap, Path log) {
        this.dataDir = dataDir.toAbsolutePath();
        this.log = log;
        this.readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heap);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add("--lintas.data-dir=" + this.dataDir);
        cmd.add("--server.port=" + port);
        cmd.add("--server.address=127.0.0.1");
        cmd.addAll(properties);
        this.command = List.copyOf(cmd);
    }

    /**
     * Starts the hub and waits until its readiness probe answers 200.
     *
     * @return the time from process start to ready, or empty when it exited or was not ready within the limit
     */
    public Optional<Duration> startAndAwaitReady(Duration limit) throws IOException, InterruptedException {
        startedAt = Instant.now();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant giveUp = startedAt.plus(limit);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                return Optional.empty();
            }
            if (ready()) {
                return Optional.of(Duration.between(startedAt, Instant.now()));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** The hub's exit code once its process has ended (for example a JVM option it refused), else empty. */
    public java.util.OptionalInt exitCode() {
        return process != null && !process.isAlive()
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    boolean ready() throws InterruptedException {
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9 of the JVM only: its embedded PostgreSQL is left running, as after a crash of the JVM. */
    void killJvm() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** kill -9 of the JVM and every process of its database at once, as after a power cut. */
    void killJvmAndDatabase() throws InterruptedException {
        List<ProcessHandle> database = database();
        if (process != null) {
            process.destroyForcibly();
        }
        database.forEach(ProcessHandle::destroyForcibly);
        if (process != null) {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        awaitGone(database);
    }

    /** The database's processes stop (SIGSTOP) for a while, then continue (SIGCONT). */
    int freezeDatabase(Duration length) throws IOException, InterruptedException {
        List<ProcessHandle> database = database();
        signal("-STOP", database);
        try {
            Thread.sleep(length.toMillis());
        } finally {
            signal("-CONT", database);
        }
        return database.size();
    }

    /** Kills database processes of this data directory that outlived their JVM (what an operator does by hand). */
    int killOrphanedDatabase() throws InterruptedException {
        if (alive()) {
            return 0;
        }
        List<ProcessHandle> database = database();
        database.forEach(ProcessHandle::destroyForcibly);
        awaitGone(database);
        return database.size();
    }

    /** The JVM's process id (for its CPU time and heap), or -1 before the first start. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The postmaster of this data directory and all its backends. */
    public List<ProcessHandle> database() {
        return databaseOf(dataDir.resolve("postgres"));
    }

    /** The postmaster whose data directory is {@code postgresDir} (on its command line) and all its backends. */
    public static List<ProcessHandle> databaseOf(Path postgresDir) {
        String marker = postgresDir.toAbsolutePath().toString();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("postgres") && c.contains(marker))
                        .orElse(false))
                .forEach(postmaster -> {
                    found.add(postmaster);
                    postmaster.descendants().forEach(found::add);
                });
        return found;
    }

    Instant startedAt() {
        return startedAt;
    }

    Path log() {
        return log;
    }

    /** Stops the hub as an operator would (SIGTERM, then SIGKILL), and anything of its database left behind. */
    @Override
    public void close() {
        try {
            List<ProcessHandle> database = database();
            signal("-CONT", database);
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            List<ProcessHandle> left = database();
            left.forEach(ProcessHandle::destroyForcibly);
            awaitGone(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            database().forEach(ProcessHandle::destroyForcibly);
        } catch (IOException e) {
            database().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (processes.stream().anyMatch(ProcessHandle::isAlive)
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        if (processes.isEmpty()) {
            return;
        }
        List<String> kill = new ArrayList<>(List.of("kill", signal));
        processes.forEach(p -> kill.add(Long.toString(p.pid())));
        new ProcessBuilder(kill)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(10, TimeUnit.SECONDS);
    }
}
