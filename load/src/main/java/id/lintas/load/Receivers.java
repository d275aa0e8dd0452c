package id.lintas.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Where deliveries are seen, each timed when it arrives: Kukar's webhook and Jakarta's FHIR server (one
 * loopback HTTP server the hub and the baseline deliver to), and PPU's outbox folder, watched with
 * inotify (Java's WatchService): a file appears complete (written under a temporary name, then
 * renamed), is read for its case numbers (receipts {@code HASIL_} answer a dropped file's rows,
 * {@code RUJUKAN_MASUK_} files deliver referrals) and removed, as PPU's system takes it.
 */
final class Receivers implements AutoCloseable {

    private static final CSVFormat PPU = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    private static final String CAPABILITIES = "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\","
            + "\"date\":\"2025-01-01\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],"
            + "\"rest\":[{\"mode\":\"server\"}]}";

    private final Tracker tracker;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<WatchService> watches = new ArrayList<>();

    Receivers(Tracker tracker) throws IOException {
        this.tracker = tracker;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The hub's endpoint settings of the HTTP and FHIR receivers (and Prabumulih's agencies), pointing here. */
    List<String> hubEndpointProperties() {
        List<String> properties = new ArrayList<>(List.of(
                "--lintas.participants.kukar.endpoint=" + base() + "/kukar",
                "--lintas.participants.jakarta.endpoint=" + base() + "/fhir"));
        for (String agency : List.of("prabumulih", "prabumulih-polres", "prabumulih-kejari", "prabumulih-psikiater")) {
            properties.add("--lintas.participants." + agency + ".endpoint=" + base() + "/" + agency);
        }
        return properties;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (path.startsWith("/kukar") && post && path.endsWith("/api/rujukan-masuk")) {
                tracker.delivered(json.readTree(body).path("no_registrasi").asText(null), arrived);
                answer(exchange, 201, "application/json", "{\"pesan\":\"diterima\"}");
            } else if (path.startsWith("/fhir") && path.endsWith("/metadata")) {
                answer(exchange, 200, "application/fhir+json", CAPABILITIES);
            } else if (path.startsWith("/fhir") && post && !path.contains("$process-message")) {
                answer(exchange, 200, "application/fhir+json", transaction(json.readTree(body), arrived));
            } else if (path.startsWith("/fhir")) {
                answer(exchange, 200, "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"message\"}");
            } else {
                answer(exchange, post ? 201 : 200, "application/json", "{}");
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, "text/plain", "");
        }
    }

    /** Jakarta's server takes a transaction: its Task's case number is delivered; every entry is created. */
    private String transaction(JsonNode bundle, long arrived) throws IOException {
        ObjectNode response =
                json.createObjectNode().put("resourceType", "Bundle").put("type", "transaction-response");
        ArrayNode entries = response.putArray("entry");
        int n = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Task".equals(resource.path("resourceType").asText())) {
                for (JsonNode identifier : resource.path("identifier")) {
                    if (tracker.isCase(identifier.path("value").asText(null))) {
                        tracker.delivered(identifier.path("value").asText(), arrived);
                    }
                }
            }
            entries.addObject()
                    .putObject("response")
                    .put("status", "201 Created")
                    .put("location", resource.path("resourceType").asText() + "/" + (++n) + "/_history/1");
        }
        return json.writeValueAsString(response);
    }

    /** Watches PPU's outbox of a system under test until closed. */
    void watchOutbox(Path outbox) throws IOException {
        Files.createDirectories(outbox);
        WatchService watch = outbox.getFileSystem().newWatchService();
        outbox.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.OVERFLOW);
        watches.add(watch);
        Thread thread = new Thread(
                () -> {
                    try {
                        take(outbox);
                        while (true) {
                            WatchKey key = watch.take();
                            key.pollEvents();
                            key.reset();
                            take(outbox);
                        }
                    } catch (InterruptedException | ClosedWatchServiceException e) {
                        // closed: the run is over
                    } catch (IOException e) {
                        System.err.println("outbox watch stopped: " + e);
                    }
                },
                "outbox-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(Path outbox) throws IOException {
        List<Path> complete;
        try (Stream<Path> list = Files.list(outbox)) {
            complete = list.filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
        for (Path file : complete) {
            long seen = System.nanoTime();
            String name = file.getFileName().toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
                Files.delete(file);
            } catch (NoSuchFileException gone) {
                continue;
            }
            for (CSVRecord row : PPU.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
                String caseNumber = row.isMapped("No Registrasi") ? row.get("No Registrasi") : null;
                if (name.startsWith("HASIL_")) {
                    if (row.isMapped("Hasil") && "DITERIMA".equals(row.get("Hasil"))) {
                        tracker.answered(caseNumber, seen);
                    }
                } else if (name.startsWith("RUJUKAN_MASUK_")) {
                    tracker.delivered(caseNumber, seen);
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        threads.shutdownNow();
        for (WatchService watch : watches) {
            watch.close();
        }
    }
}
