package id.lintas.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The regions' own servers that the hub delivers to, on one loopback port: Kukar's webhook
 * ({@code /kukar}), Jakarta's FHIR server ({@code /fhir}) and Prabumulih's Satu Layanan with its
 * agencies ({@code /prabumulih...}). Each counts the business effects it received in the ledger, and
 * each can be made to answer 503 or to hang (take the request in, never answer) for a while.
 */
final class RegionServers implements AutoCloseable {

    /**
     * The JDK's HTTP server leaves Nagle's algorithm on unless this is true: an answer's headers and
     * body, written apart, then wait for the hub's delayed ACK (40 ms a delivery). Read once per JVM,
     * when the first server is made; the load harness turns it off the same way.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    /** How a receiver behaves at the moment. */
    enum Mode {
        NORMAL,
        /** Refuses every request with 503 before taking it in. */
        UNAVAILABLE,
        /** Takes the request in (its effect happens) and never answers: the answer is lost. */
        HANGING
    }

    static final List<String> PRABUMULIH_AGENCIES =
            List.of("prabumulih", "prabumulih-polres", "prabumulih-kejari", "prabumulih-psikiater");
    private static final String REFERRAL_SYSTEM = "urn:lintas:referral";
    private static final String CAPABILITIES = "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\","
            + "\"date\":\"2025-01-01\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],"
            + "\"rest\":[{\"mode\":\"server\"}]}";

    private final Ledger ledger;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "region-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Object hangRelease = new Object();
    private final Map<String, String> tasksByCondition = new HashMap<>();
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong statuses = new AtomicLong();

    RegionServers(Ledger ledger) throws IOException {
        this.ledger = ledger;
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/kukar/", gated("kukar", this::kukar));
        server.createContext("/fhir", gated("jakarta", this::jakarta));
        for (String agency : PRABUMULIH_AGENCIES) {
            server.createContext("/" + agency + "/", gated("prabumulih", this::prabumulih));
        }
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The hub's endpoint setting of each HTTP and FHIR participant, pointing here. */
    List<String> endpointProperties() {
        String base = "http://127.0.0.1:" + port();
        List<String> properties = new java.util.ArrayList<>(List.of(
                "--lintas.participants.kukar.endpoint=" + base + "/kukar",
                "--lintas.participants.jakarta.endpoint=" + base + "/fhir"));
        for (String agency : PRABUMULIH_AGENCIES) {
            properties.add("--lintas.participants." + agency + ".endpoint=" + base + "/" + agency);
        }
        return properties;
    }

    void mode(String receiver, Mode mode) {
        modes.put(receiver, mode);
        if (mode != Mode.HANGING) {
            synchronized (hangRelease) {
                hangRelease.notifyAll();
            }
        }
    }

    void allNormal() {
        for (String receiver : List.of("kukar", "jakarta", "prabumulih")) {
            mode(receiver, Mode.NORMAL);
        }
    }

    long statusesReceived() {
        return statuses.get();
    }

    private interface Handling {
        /** Takes the request in (its effect), and returns the answer to give: status and body. */
        Answer take(HttpExchange exchange, byte[] body) throws IOException;
    }

    private record Answer(int status, String contentType, String body) {}

    private HttpHandler gated(String receiver, Handling handling) {
        return exchange -> {
            try {
                byte[] body = readAll(exchange.getRequestBody());
                Mode mode = modes.getOrDefault(receiver, Mode.NORMAL);
                if (mode == Mode.UNAVAILABLE) {
                    answer(exchange, new Answer(503, "text/plain", "unavailable"));
                    return;
                }
                Answer answer = handling.take(exchange, body);
                if (mode == Mode.HANGING) {
                    hang(receiver);
                    // The connection is closed without an answer: the sender cannot know the effect happened.
                    return;
                }
                answer(exchange, answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        };
    }

    private void hang(String receiver) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        synchronized (hangRelease) {
            while (modes.getOrDefault(receiver, Mode.NORMAL) == Mode.HANGING && System.nanoTime() < giveUp) {
                hangRelease.wait(1000);
            }
        }
    }

    /** Kukar's webhook: a referral is one effect per Idempotency-Key; a status change is only counted. */
    private Answer kukar(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Answer(405, "text/plain", "");
        }
        if (path.endsWith("/api/rujukan-masuk")) {
            JsonNode referral = json.readTree(body);
            ledger.delivered(
                    referral.path("no_registrasi").asText(),
                    referral.path("id_rujukan_hub").asText(),
                    key(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            return new Answer(201, "application/json", "{\"pesan\":\"diterima\"}");
        }
        if (path.matches(".*/api/rujukan/[^/]+/status")) {
            statuses.incrementAndGet();
            return new Answer(200, "application/json", "{}");
        }
        return new Answer(404, "text/plain", "");
    }

    /**
     * Jakarta's FHIR server: its capabilities, and transactions whose Tasks it creates as a FHIR server
     * does, honouring a conditional create ({@code ifNoneExist}) so a repeated transaction finds its Task.
     */
    private Answer jakarta(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/metadata")) {
            return new Answer(200, "application/fhir+json", CAPABILITIES);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Answer(405, "text/plain", "");
        }
        JsonNode bundle = json.readTree(body);
        if (path.contains("$process-message")) {
            statuses.incrementAndGet();
            return new Answer(200, "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"message\"}");
        }
        ObjectNode response =
                json.createObjectNode().put("resourceType", "Bundle").put("type", "transaction-response");
        ArrayNode entries = response.putArray("entry");
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asText();
            String status = "201 Created";
            if ("Task".equals(type)) {
                status =
                        task(resource, entry.path("request").path("ifNoneExist").asText(null));
            }
            entries.addObject()
                    .putObject("response")
                    .put("status", status)
                    .put("location", type + "/" + tasks.incrementAndGet() + "/_history/1");
        }
        return new Answer(200, "application/fhir+json", json.writeValueAsString(response));
    }

    private String task(JsonNode task, String ifNoneExist) {
        String hubId = null;
        String caseNumber = null;
        for (JsonNode identifier : task.path("identifier")) {
            String value = identifier.path("value").asText();
            if (REFERRAL_SYSTEM.equals(identifier.path("system").asText())) {
                hubId = value;
            } else if (ledger.isCase(value)) {
                caseNumber = value;
            }
        }
        String effect;
        boolean created;
        synchronized (tasksByCondition) {
            String existing = ifNoneExist == null ? null : tasksByCondition.get(ifNoneExist);
            created = existing == null;
            effect = created ? "task#" + tasks.incrementAndGet() : existing;
            if (created && ifNoneExist != null) {
                tasksByCondition.put(ifNoneExist, effect);
            }
        }
        ledger.delivered(caseNumber, hubId, effect);
        return created ? "201 Created" : "200 OK";
    }

    /** Prabumulih and its agencies receive only statuses in this run: counted, answered 201. */
    private Answer prabumulih(HttpExchange exchange, byte[] body) {
        statuses.incrementAndGet();
        return new Answer(201, "application/xml", "");
    }

    private static String key(String header) {
        return header == null || header.isBlank() ? null : "key:" + header.trim();
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        allNormal();
        server.stop(0);
        threads.shutdownNow();
    }
}
