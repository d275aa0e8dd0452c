package id.lintas.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.harness.HubProcess;
import id.lintas.load.baseline.Baseline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The sum-of-parts {@link Baseline} as a child JVM with the hub's heap setting, on a fresh data directory. */
final class BaselineTarget implements Target {

    private record Token(String value, Instant renewAt) {}

    private final Process process;
    private final String base;
    private final Path dataDir;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    BaselineTarget(LoadSettings settings, Receivers receivers, HttpClient http)
            throws IOException, InterruptedException {
        this.http = http;
        int port = HubTarget.freePort();
        this.base = "http://127.0.0.1:" + port;
        this.dataDir = settings.workDir().resolve("baseline-data").toAbsolutePath();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                settings.heap(),
                "-D" + LoadHarness.NODELAY + "=true",
                "-cp",
                System.getProperty("java.class.path"),
                Baseline.class.getName(),
                Integer.toString(port),
                dataDir.toString(),
                receivers.base() + "/kukar",
                receivers.base() + "/fhir",
                Integer.toString(settings.baselineConsumers()));
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        settings.workDir().resolve("baseline.log").toFile()))
                .start();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (!ready()) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                close();
                throw new IOException("the baseline did not become ready; see "
                        + settings.workDir().resolve("baseline.log"));
            }
            Thread.sleep(200);
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/ready"))
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public String base() {
        return base;
    }

    @Override
    public String token(String participant) throws IOException, InterruptedException {
        Token token = tokens.get(participant);
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/token?participant=" + participant))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(answer.body());
        Token fresh = new Token(
                body.path("access_token").asText(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(300)).minusSeconds(60));
        tokens.put(participant, fresh);
        return fresh.value();
    }

    @Override
    public void invalidate(String participant) {
        tokens.remove(participant);
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public List<ProcessHandle> database() {
        return HubProcess.databaseOf(dataDir.resolve("postgres"));
    }

    @Override
    public void close() {
        List<ProcessHandle> database = database();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        database.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
