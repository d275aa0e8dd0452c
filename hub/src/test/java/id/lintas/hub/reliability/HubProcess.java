package id.lintas.hub.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hub's executable jar run as a process of its own, as an office runs it, so a test can kill it
 * the way a container kill or the OOM killer does (SIGKILL, no shutdown hook) and start it again.
 */
final class HubProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "lintas-hub.jar");

    private final Path dataDir;
    private final int port;
    private final List<String> extraArguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    HubProcess(Path dataDir, List<String> extraArguments) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR.toAbsolutePath() + " is missing: the package phase builds it before the ITs");
        }
        this.dataDir = dataDir;
        this.port = freePort();
        this.extraArguments = extraArguments;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    void start() throws IOException {
        starts++;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--lintas.data-dir=" + dataDir.toAbsolutePath(),
                "--lintas.security.issuer=" + baseUrl()));
        command.addAll(extraArguments);
        Path log = Path.of("target", "hub-process-" + dataDir.getFileName() + "-" + starts + ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left behind as an orphan. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL of the JVM and, in the same instant, of every PostgreSQL process on its data directory. */
    void killWithDatabase() throws InterruptedException {
        List<ProcessHandle> postgres = postgresProcesses();
        process.destroyForcibly();
        postgres.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle handle : postgres) {
            handle.onExit()
                    .orTimeout(30, TimeUnit.SECONDS)
                    .exceptionally(e -> handle)
                    .join();
        }
    }

    /** SIGTERM: a graceful stop, as systemd or docker stop does. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The postmaster named in the data directory's pid file, if it runs. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /** Every live process whose command line names this data directory's PostgreSQL. */
    List<ProcessHandle> postgresProcesses() {
        String directory =
                dataDir.resolve("postgres").toAbsolutePath().normalize().toString();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(handle -> {
            Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
            try {
                String line = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
                if (line.contains("postgres") && line.contains(directory)) {
                    found.add(handle);
                    found.addAll(handle.descendants().toList());
                }
            } catch (IOException | SecurityException gone) {
                // the process ended meanwhile, or is not ours to read
            }
        });
        return found.stream().distinct().toList();
    }

    /** The status of an HTTP request, or -1 when nothing answers. */
    int status(String method, String path, String contentType, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    boolean isReady() {
        return status("GET", "/actuator/health/readiness", null, null) == 200;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        postgresProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
