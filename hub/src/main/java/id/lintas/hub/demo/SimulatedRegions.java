package id.lintas.hub.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A small HTTP server (the JDK's own) for each HTTP and FHIR participant that has no endpoint configured
 * (demo profile only): it answers as the region's system does and keeps what it received, so the hub
 * delivers over real HTTP and a newcomer can read the result. It listens on 127.0.0.1 only and has no
 * API of its own: what it received is read through the hub ({@link SimulatedRegionController}).
 */
@Component
@Profile("demo")
class SimulatedRegions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedRegions.class);

    /**
     * The JDK's HTTP server leaves Nagle's algorithm on unless this is true: an answer's headers and
     * body, written apart, then wait for the hub's delayed ACK (40 ms each delivery to a simulated
     * region). Read once per JVM when its first server is made; these are the hub's only JDK HTTP
     * servers, and a value set at launch is kept.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private static final String CAPABILITY_STATEMENT =
            "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\","
                    + "\"date\":\"2025-01-01\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],"
                    + "\"rest\":[{\"mode\":\"server\"}]}";
    private static final String FHIR_JSON = "application/fhir+json";
    /** A demo runs for minutes: the newest requests are enough, and memory stays bounded. */
    private static final int KEPT = 500;

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "simulated-region");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedRegions(ParticipantDirectory participants) {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        List<Connected> simulated = new ArrayList<>(participants.withTransport(Transport.HTTP));
        simulated.addAll(participants.withTransport(Transport.FHIR));
        for (Connected participant : simulated) {
            if (participant.endpoint() != null) {
                continue;
            }
            Region region = new Region(participant.adapter().transport() == Transport.FHIR);
            URI endpoint = region.start(threads);
            participants.simulate(participant.id(), endpoint);
            regions.put(participant.id(), region);
            log.info("Participant {} has no endpoint: simulated at {}", participant.id(), endpoint);
        }
    }

    /** What a simulated region received, oldest first; empty when the participant is not simulated. */
    Optional<List<Received>> received(String participantId) {
        return Optional.ofNullable(regions.get(participantId)).map(Region::received);
    }

    @Override
    public void destroy() {
        regions.values().forEach(Region::stop);
        threads.shutdownNow();
    }

    /** One request a simulated region received, as the demo shows it. */
    record Received(String method, String path, Instant receivedAt, String contentType, String body) {}

    private record Answer(int status, String contentType, String body) {}

    /** One region's server and what it received. */
    private static final class Region {

        private final boolean fhir;
        private final Deque<Received> journal = new ArrayDeque<>();
        private HttpServer server;

        Region(boolean fhir) {
            this.fhir = fhir;
        }

        URI start(ExecutorService threads) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a port for a simulated region", e);
            }
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void stop() {
            server.stop(0);
        }

        synchronized List<Received> received() {
            return List.copyOf(journal);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String method = exchange.getRequestMethod();
                record(new Received(
                        method,
                        exchange.getRequestURI().toString(),
                        Instant.now(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8)));
                Answer answer = answer(method, exchange.getRequestURI().getPath());
                if (answer.contentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                }
                byte[] content =
                        answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), content.length == 0 ? -1 : content.length);
                if (content.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(content);
                    }
                }
            } finally {
                exchange.close();
            }
        }

        private synchronized void record(Received request) {
            if (journal.size() == KEPT) {
                journal.removeFirst();
            }
            journal.addLast(request);
        }

        /** As the region's own system answers: 201 for a new referral, 200 for a status change. */
        private Answer answer(String method, String path) {
            if (fhir) {
                // A FHIR client reads the server's CapabilityStatement before its first call; a FHIR server
                // answers a transaction or a message with a Bundle.
                if ("GET".equals(method) && "/metadata".equals(path)) {
                    return new Answer(200, FHIR_JSON, CAPABILITY_STATEMENT);
                }
                if ("POST".equals(method)) {
                    return new Answer(
                            200, FHIR_JSON, "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\"}");
                }
                return new Answer(404, null, null);
            }
            if (!"POST".equals(method)) {
                return new Answer(404, null, null);
            }
            if ("/api/rujukan-masuk".equals(path)) {
                return new Answer(201, "application/json", "{\"pesan\":\"diterima (simulasi)\"}");
            }
            if (path.matches("/api/rujukan/.+/status")) {
                return new Answer(200, null, null);
            }
            return new Answer(201, null, null);
        }
    }
}
