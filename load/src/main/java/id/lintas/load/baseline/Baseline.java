package id.lintas.load.baseline;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.lintas.adapter.jakarta.JakartaFhirAdapter;
import id.lintas.adapter.kukar.KukarJsonAdapter;
import id.lintas.adapter.ppu.PpuCsvAdapter;
import id.lintas.adapter.prabumulih.PrabumulihXmlAdapter;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.InboundMessage;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.RowReceipt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The sum of parts (issue 17): the essential work of a referral in one process, without the hub's
 * framework. Intake over the JDK's HTTP server with an ES256 bearer token verified by Nimbus (as
 * Spring's resource server does, through Nimbus's JWT processor), the sender's adapter reading the
 * message into the canonical Bundle, one durable PostgreSQL commit of the encrypted record, a durable
 * Artemis send, then a 202. Delivery: a transacted receive, the receiver's adapter rendering its
 * format, and delivery (a file in PPU's outbox; an HTTP POST to Kukar's or Jakarta's server), then the
 * commit. PPU's files are taken from its inbox, each row recorded and sent, and a receipt written.
 * Routing is fixed per sender, as the demo agreements route the harness's cases.
 *
 * <p>Usage: {@code Baseline <port> <data dir> <kukar endpoint> <jakarta endpoint> <consumers>}.
 */
public final class Baseline {

    private static final String ISSUER = "urn:lintas:baseline";
    private static final Map<String, Participant> PARTICIPANTS = Map.of(
            "kukar", new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar")),
            "ppu",
                    new Participant(
                            "ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar")),
            "prabumulih",
                    new Participant(
                            "prabumulih",
                            "DP2KBPPPA Kota Prabumulih (Satu Layanan)",
                            "16.74",
                            ZoneId.of("Asia/Jakarta")),
            "jakarta", new Participant("jakarta", "UPTD PPA Provinsi DKI Jakarta", "31", ZoneId.of("Asia/Jakarta")));
    /** Where each sender's cases go under the demo agreements (see the crash harness's EntryPoint). */
    private static final Map<String, String> ROUTES =
            Map.of("kukar", "ppu", "ppu", "kukar", "prabumulih", "jakarta", "jakarta", "kukar");

    private final KukarJsonAdapter kukar = new KukarJsonAdapter();
    private final PpuCsvAdapter ppu = new PpuCsvAdapter();
    private final PrabumulihXmlAdapter prabumulih = new PrabumulihXmlAdapter();
    private final JakartaFhirAdapter jakarta = new JakartaFhirAdapter();
    private final Map<String, RegionAdapter> adapters =
            Map.of("kukar", kukar, "ppu", ppu, "prabumulih", prabumulih, "jakarta", jakarta);
    private final FhirContext fhir = FhirContext.forR4Cached();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong failures = new AtomicLong();
    private final Store store;
    private final Broker broker;
    private final Path inbox;
    private final Path outbox;
    private final Map<String, String> endpoints;
    private final ECKey key;
    private final DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();

    private Baseline(Path data, Map<String, String> endpoints) throws Exception {
        this.endpoints = endpoints;
        this.inbox = Files.createDirectories(data.resolve("files/inbox/ppu"));
        this.outbox = Files.createDirectories(data.resolve("files/outbox/ppu"));
        Files.createDirectories(data.resolve("files/archive/ppu"));
        this.store = new Store(data.resolve("postgres"), 16);
        this.broker = new Broker(data.resolve("artemis"));
        this.key = new ECKeyGenerator(Curve.P_256).keyID("baseline").generate();
        tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.ES256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        tokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat")));
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        int consumers = Integer.parseInt(args[4]);
        Baseline baseline = new Baseline(data, Map.of("kukar", args[2], "jakarta", args[3]));
        for (int i = 0; i < consumers; i++) {
            Thread consumer = new Thread(baseline::deliverLoop, "baseline-delivery-" + i);
            consumer.setDaemon(true);
            consumer.start();
        }
        Thread files = new Thread(baseline::watchInbox, "baseline-inbox");
        files.setDaemon(true);
        files.start();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", baseline::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            try {
                baseline.broker.close();
                baseline.store.close();
            } catch (Exception e) {
                System.err.println("baseline: stop failed: " + e);
            }
        }));
        System.out.println("baseline ready on " + port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/ready")) {
                answer(exchange, 200, "{}");
            } else if (path.equals("/token")) {
                String participant = exchange.getRequestURI().getQuery().replace("participant=", "");
                answer(exchange, 200, "{\"access_token\":\"" + token(participant) + "\",\"expires_in\":300}");
            } else if (path.equals("/fhir/$process-message")) {
                intake(exchange, "jakarta", body);
            } else if (path.startsWith("/api/v1/participants/") && path.endsWith("/referrals")) {
                intake(
                        exchange,
                        path.substring("/api/v1/participants/".length(), path.length() - "/referrals".length()),
                        body);
            } else {
                answer(exchange, 404, "{}");
            }
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("baseline: " + e);
            answer(exchange, 500, "{}");
        }
    }

    private void intake(HttpExchange exchange, String participant, byte[] body) throws Exception {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JWTClaimsSet claims;
        try {
            claims = tokens.process(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""), null);
        } catch (Exception refused) {
            answer(exchange, 401, "{}");
            return;
        }
        if (!participant.equals(claims.getSubject()) || !PARTICIPANTS.containsKey(participant)) {
            answer(exchange, 403, "{}");
            return;
        }
        Participant sender = PARTICIPANTS.get(participant);
        InboundMessage message = switch (participant) {
            case "kukar" -> kukar.readReferral(body, sender);
            case "prabumulih" -> prabumulih.readReferral(body, sender);
            default -> jakarta.readMessage(body, sender);
        };
        String id = recordAndSend(participant, (CanonicalReferral) message, body);
        answer(exchange, 202, "{\"referralId\":\"" + id + "\",\"status\":\"REQUESTED\"}");
    }

    private String recordAndSend(String sender, CanonicalReferral referral, byte[] inbound) throws Exception {
        String receiver = ROUTES.get(sender);
        Store.Recorded recorded = store.record(sender, receiver, referral, inbound);
        broker.send(new Broker.Delivery(recorded.id(), sender, receiver, recorded.bundleJson()));
        return recorded.id();
    }

    private String token(String participant) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject(participant)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("scope", "referral:write")
                        .build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** One delivery consumer: receive (transacted), render for the receiver, deliver, commit. */
    private void deliverLoop() {
        try {
            Broker.Receiver receiver = broker.receiver();
            while (true) {
                Broker.Delivery delivery = receiver.next(500);
                if (delivery == null) {
                    continue;
                }
                try {
                    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, delivery.bundleJson());
                    OutboundDocument document = adapters.get(delivery.receiver())
                            .renderReferral(
                                    CanonicalReader.standard()
                                            .outbound(
                                                    delivery.referralId(), PARTICIPANTS.get(delivery.sender()), bundle),
                                    PARTICIPANTS.get(delivery.receiver()));
                    deliver(delivery.receiver(), document);
                    receiver.commit();
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println("baseline: delivery failed: " + e);
                    receiver.rollback();
                }
            }
        } catch (Exception e) {
            System.err.println("baseline: consumer stopped: " + e);
        }
    }

    private void deliver(String receiver, OutboundDocument document) throws IOException, InterruptedException {
        if ("ppu".equals(receiver)) {
            write(document);
            return;
        }
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(URI.create(endpoints.get(receiver) + document.target()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", document.mediaType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(document.content()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(receiver + " answered " + answer.statusCode());
        }
    }

    /** A file in PPU's outbox, as the hub's FileDrop writes it: a temporary name, then a rename. */
    private void write(OutboundDocument document) throws IOException {
        Path target = outbox.resolve(Path.of(document.target()).getFileName().toString());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, document.content());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void watchInbox() {
        ExecutorService files = Executors.newFixedThreadPool(4);
        Set<String> taken = new HashSet<>();
        try (WatchService watch = inbox.getFileSystem().newWatchService()) {
            inbox.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name
                            && !name.toString().endsWith(".tmp")
                            && taken.add(name.toString())) {
                        files.submit(() -> readFile(inbox.resolve(name)));
                    }
                }
                key.reset();
            }
        } catch (IOException | ClosedWatchServiceException e) {
            System.err.println("baseline: inbox watch stopped: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A PPU export: recorded as received, each row recorded and sent, then the receipt. */
    private void readFile(Path file) {
        try {
            String name = file.getFileName().toString();
            byte[] content = Files.readAllBytes(file);
            Files.move(
                    file,
                    file.getParent()
                            .getParent()
                            .getParent()
                            .resolve("archive/ppu")
                            .resolve(name));
            store.recordFile("ppu", name, content);
            FileBatch batch = ppu.readFile(name, content, PARTICIPANTS.get("ppu"));
            List<RowReceipt> receipts = new ArrayList<>();
            for (FileBatch.Item item : batch.items()) {
                if (item.message() instanceof CanonicalReferral referral) {
                    String id = recordAndSend("ppu", referral, null);
                    item.rows()
                            .forEach(row ->
                                    receipts.add(new RowReceipt(row, item.sourceReference(), id, true, "diteruskan")));
                } else {
                    item.rows()
                            .forEach(row -> receipts.add(new RowReceipt(
                                    row, item.sourceReference(), null, false, String.valueOf(item.errors()))));
                }
            }
            write(ppu.renderReceipt(name, receipts));
        } catch (Exception e) {
            failures.incrementAndGet();
            System.err.println("baseline: file failed: " + e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
