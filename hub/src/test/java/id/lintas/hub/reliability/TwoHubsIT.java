package id.lintas.hub.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.Endpoints;
import id.lintas.hub.security.ClientAssertion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two hub processes on one PostgreSQL and one Artemis broker (both started here, reached over TCP
 * as external servers are): a participant connected or suspended through one reaches the other
 * without a restart; they share the work without a duplicate business effect, and when one is
 * killed with SIGKILL in the middle of the load, the other finishes its work. The processes are
 * started once for both tests, and the test that kills one runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoHubsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REFERRALS = 40;

    /** Short, so that the other instance's poll of the participant table comes round quickly. */
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private Path sharedFiles;
    private WireMockServer kukar;
    private EmbeddedActiveMQ broker;
    private EmbeddedPostgres database;
    private HubProcess first;
    private HubProcess second;

    @BeforeAll
    void startTwoHubsOnOneDatabaseAndOneBroker() throws Exception {
        Path root = Files.createTempDirectory("lintas-two-hubs-");
        sharedFiles = Files.createDirectories(root.resolve("files"));
        int brokerPort = freePort();
        kukar = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        kukar.start();
        kukar.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(201)));
        broker = new EmbeddedActiveMQ()
                .setConfiguration(new ConfigurationImpl()
                        .setPersistenceEnabled(false)
                        .setSecurityEnabled(false)
                        .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort)
                        .addAddressSetting(
                                Endpoints.RECEIVER_QUEUES_MATCH,
                                new AddressSettings()
                                        .setRedeliveryDelay(500)
                                        .setMaxDeliveryAttempts(100)
                                        .setDeadLetterAddress(SimpleString.of(Endpoints.DELIVERY_DLQ_NAME))));
        broker.start();
        database = EmbeddedPostgres.builder().start();
        List<String> external = List.of(
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--lintas.files.root=" + sharedFiles,
                "--lintas.delivery.redelivery-delay=500ms",
                "--lintas.delivery.http-timeout=3s",
                "--lintas.participants.kukar.endpoint=http://127.0.0.1:" + kukar.port() + "/kukar",
                "--lintas.participant-refresh-interval=" + REFRESH.toMillis() + "ms",
                // Camel's actuator endpoint: which routes run in each process, seen from outside it.
                "--management.endpoints.web.exposure.include=health,info,metrics,prometheus,camelroutes");
        first = new HubProcess(Files.createDirectories(root.resolve("a")), external);
        second = new HubProcess(
                Files.createDirectories(root.resolve("b")), withSigningKeyOf(external, root.resolve("a")));
        first.start();
        awaitReady(first);
        second.start();
        awaitReady(second);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            for (HubProcess hub : new HubProcess[] {second, first}) {
                if (hub != null) {
                    hub.close();
                }
            }
            if (database != null) {
                database.close();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
            if (kukar != null) {
                kukar.stop();
            }
        }
    }

    /**
     * Issue 15, "connected without a restart, on every instance": a region connected through one
     * instance's API is connected by the other within a few of its refresh intervals (its routes run
     * there), and suspended through the first, the other stops its routes too.
     */
    @Test
    @Order(1)
    void aParticipantConnectedAndSuspendedThroughOneInstanceIsConnectedAndStoppedByTheOther() throws Exception {
        List<String> itsRoutes = List.of("ingest-file-kubar", "delivery-send-kubar");
        HttpResponse<String> created = asPerson(
                first,
                "admin",
                "POST",
                "/api/v1/participants",
                "{\"id\":\"kubar\",\"name\":\"UPTD PPA Kabupaten Kutai Barat\",\"region\":\"64.07\","
                        + "\"format\":\"ppu-csv\",\"zone\":\"Asia/Makassar\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(startedRoutes(first))
                .as("the instance that made the change connects it at once")
                .containsAll(itsRoutes);
        assertThat(JSON.readTree(asPerson(second, "operator", "GET", "/api/v1/participants/kubar", null)
                                .body())
                        .path("status")
                        .asText())
                .as("the other lists it (one database)")
                .isEqualTo("ACTIVE");

        long asked = System.nanoTime();
        await().atMost(REFRESH.multipliedBy(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> startedRoutes(second).containsAll(itsRoutes));
        long connected = System.nanoTime();
        List<String> receivers = new ArrayList<>();
        JSON.readTree(asPerson(second, "operator", "GET", "/api/v1/deliveries/receivers", null)
                        .body())
                .forEach(receiver -> receivers.add(receiver.path("receiver").asText() + " "
                        + receiver.path("circuit").asText()));
        assertThat(receivers).as("the other's operators see it as a receiver").contains("kubar CLOSED");

        JsonNode stored = JSON.readTree(asPerson(first, "admin", "GET", "/api/v1/participants/kubar", null)
                .body());
        HttpResponse<String> suspended = asPerson(
                first,
                "admin",
                "PUT",
                "/api/v1/participants/kubar",
                ((ObjectNode) stored.deepCopy()).put("status", "SUSPENDED").toString());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(startedRoutes(first)).doesNotContainAnyElementsOf(itsRoutes);
        long suspendAsked = System.nanoTime();
        await().atMost(REFRESH.multipliedBy(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Collections.disjoint(startedRoutes(second), itsRoutes));
        System.out.printf(
                "TwoHubsIT: the other instance connected kubar after %d ms and stopped it after %d ms (refresh %s)%n",
                Duration.ofNanos(connected - asked).toMillis(),
                Duration.ofNanos(System.nanoTime() - suspendAsked).toMillis(),
                REFRESH);
        assertThat(JSON.readTree(asPerson(second, "operator", "GET", "/api/v1/participants/kubar", null)
                                .body())
                        .path("status")
                        .asText())
                .isEqualTo("SUSPENDED");
    }

    @Test
    @Order(2)
    void twoInstancesShareTheWorkAndKillingOneLosesNothing() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            HubProcess target = i % 2 == 0 ? first : second;
            if (i == REFERRALS / 2) {
                first.kill(); // SIGKILL in the middle of the load, its deliveries in flight
            }
            if (!target.isAlive()) {
                target = second;
            }
            String caseNumber = "KKR/TWO/" + i;
            String hubId = sendReferral(target, caseNumber);
            if (hubId != null) {
                accepted.add(hubId);
            }
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(REFERRALS - 1);

        Path outbox = sharedFiles.resolve("outbox").resolve("ppu");
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        accepted.stream().allMatch(id -> Files.exists(outbox.resolve("RUJUKAN_MASUK_" + id + ".csv"))));
        try (Connection connection = database.getPostgresDatabase().getConnection()) {
            assertThat(count(connection, "select count(*) from referral where source_reference like 'KKR/TWO/%'"))
                    .as("one referral per case")
                    .isEqualTo(accepted.size());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(
                                    connection,
                                    "select count(*) from delivery d join referral r on r.id = d.referral_id"
                                            + " where r.source_reference like 'KKR/TWO/%' and d.state <> 'DELIVERED'")
                            == 0);
            assertThat(count(
                            connection,
                            "select count(distinct claimed_by) from delivery d join referral r"
                                    + " on r.id = d.referral_id where r.source_reference like 'KKR/TWO/%'"))
                    .as("both instances delivered")
                    .isEqualTo(2);
        }
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("RUJUKAN_MASUK_"))
                            .count())
                    .as("one file per case at PPU, none twice")
                    .isEqualTo(accepted.size());
        }
    }

    /** Several instances share the token signing key and the keysets (README, "Several hubs"). */
    private static List<String> withSigningKeyOf(List<String> arguments, Path firstDataDir) {
        Path security = firstDataDir.resolve("security");
        List<String> shared = new ArrayList<>(arguments);
        shared.add("--lintas.security.token-signing-key=" + security.resolve("token-signing.jwk.json"));
        shared.add("--lintas.crypto.field-keyset=" + security.resolve("field-keys.json"));
        shared.add("--lintas.crypto.lookup-keyset=" + security.resolve("lookup-key.json"));
        shared.add("--lintas.audit.signing-keyset=" + security.resolve("audit-signing-key.json"));
        shared.add("--lintas.audit.commitment-keyset=" + security.resolve("audit-commitment-key.json"));
        return shared;
    }

    private String sendReferral(HubProcess hub, String caseNumber) throws Exception {
        String body;
        try (InputStream sample = Files.newInputStream(Path.of(
                System.getProperty("lintas.shared.dir", "../../shared"),
                "domain",
                "regions",
                "kukar-json",
                "samples",
                "referral-tppo-to-ppu.json"))) {
            body = new String(sample.readAllBytes(), StandardCharsets.UTF_8).replace("KKR/2025/0412", caseNumber);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/participants/kukar/referrals"))
                            .header("Authorization", "Bearer " + token(hub))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                return JSON.readTree(answer.body()).get("referralId").asText();
            }
            Thread.sleep(500);
        }
        return null;
    }

    private String token(HubProcess hub) throws Exception {
        String cached = tokens.get(hub.baseUrl());
        if (cached != null) {
            return cached;
        }
        JWK key;
        try (InputStream in = TwoHubsIT.class.getResourceAsStream("/demo/clients/kukar.jwk.json")) {
            key = JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String endpoint = hub.baseUrl() + "/oauth2/token";
        String form = "grant_type=client_credentials&client_id=kukar"
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion="
                + URLEncoder.encode(
                        ClientAssertion.create("kukar", key, endpoint, Duration.ofMinutes(1)), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(endpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as("token from " + endpoint + ": " + answer.body())
                .isEqualTo(200);
        JsonNode token = JSON.readTree(answer.body());
        tokens.put(hub.baseUrl(), token.get("access_token").asText());
        return token.get("access_token").asText();
    }

    /** A person's call with HTTP Basic and the demo password ({@code demo-<name>}). */
    private HttpResponse<String> asPerson(HubProcess hub, String username, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (username + ":demo-" + username).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of the Camel routes started in that process, from Camel's actuator endpoint. */
    private Set<String> startedRoutes(HubProcess hub) throws Exception {
        HttpResponse<String> answer = asPerson(hub, "operator", "GET", "/actuator/camelroutes", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Set<String> started = new HashSet<>();
        JSON.readTree(answer.body()).forEach(route -> {
            if ("Started".equals(route.path("status").asText())) {
                started.add(route.path("id").asText());
            }
        });
        return started;
    }

    private static void awaitReady(HubProcess hub) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!hub.isAlive()) {
                        throw new AssertionError("hub process ended; see target/hub-process-*.log");
                    }
                    return hub.isReady();
                });
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
