package id.lintas.hub.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on our data directory by a hub that died without stopping it (kill -9,
 * the OOM killer). Its {@code postmaster.pid} makes every new start fail, so before starting the
 * embedded database the hub stops such an orphan: a fast shutdown first (it checkpoints and leaves
 * the directory clean), a kill of the postmaster and its backends if that does not finish in time.
 * A stale pid file whose process is gone, or belongs to another program, is left to PostgreSQL
 * (which checks the process itself) or removed.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final String PID_FILE = "postmaster.pid";

    private OrphanedPostgres() {}

    /** @return true when an orphan was found and stopped */
    static boolean stop(Path dataDirectory, Duration patience) throws IOException {
        Optional<ProcessHandle> orphan = orphan(dataDirectory);
        if (orphan.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn(
                "An embedded PostgreSQL (pid {}) is still running on {} from an earlier hub that did not stop it;"
                        + " stopping it before starting again",
                postmaster.pid(),
                dataDirectory);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        // SIGINT is PostgreSQL's fast shutdown: it rolls back open transactions, checkpoints and exits.
        signal("INT", postmaster.pid());
        if (!waitForExit(postmaster, patience)) {
            log.warn(
                    "PostgreSQL pid {} did not stop within {}; killing it and its {} backends",
                    postmaster.pid(),
                    patience,
                    backends.size());
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            waitForExit(postmaster, Duration.ofSeconds(10));
        }
        // Backends of a killed postmaster keep its shared memory: PostgreSQL refuses to start until they are gone.
        for (ProcessHandle backend : backends) {
            if (backend.isAlive()) {
                backend.destroyForcibly();
                waitForExit(backend, Duration.ofSeconds(5));
            }
        }
        Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
        return true;
    }

    /** The live postmaster named by the directory's pid file, if it is a PostgreSQL on this directory. */
    static Optional<ProcessHandle> orphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> process =
                pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty()) {
            return Optional.empty(); // stale: PostgreSQL itself replaces a pid file whose process is gone
        }
        if (!isPostgresOn(process.get(), dataDirectory)) {
            // The pid was reused by another program: PostgreSQL would refuse to start, and must not signal it.
            log.warn(
                    "Removing stale {} in {}: its pid {} now belongs to another program", PID_FILE, dataDirectory, pid);
            Files.deleteIfExists(pidFile);
            return Optional.empty();
        }
        return process;
    }

    private static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        Optional<String> commandLine = cmdline(process.pid());
        if (commandLine.isEmpty()) {
            return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
        }
        String line = commandLine.get();
        return line.contains("postgres")
                && line.contains(dataDirectory.toAbsolutePath().normalize().toString());
    }

    private static Optional<String> cmdline(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            return Files.isReadable(proc)
                    ? Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: a smart shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
