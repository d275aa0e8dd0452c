package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.lintas.hub.delivery.DeliveryRecord;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.ingest.InboundMessageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * A hub of its own (so its receiver can hang and its database freeze without disturbing the other
 * flow tests): receivers are isolated and have circuit breakers, every delivery carries a stable
 * idempotency key, intake answers 503 while it cannot take a message, and the sweeper re-drives what
 * a crash or a lost message left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
    private static final WireMockServer KUKAR = new WireMockServer(WireMockConfiguration.options()
            .bindAddress("127.0.0.1")
            .dynamicPort()
            .containerThreads(40));

    private static Path dataDir;
    private static ConfigurableApplicationContext hub;
    private static RestClient api;
    private static TestCredentials credentials;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startHub() throws IOException {
        KUKAR.start();
        KukarStubs.answerNormally(KUKAR);
        dataDir = Files.createTempDirectory("lintas-resilience-");
        hub = new SpringApplicationBuilder(LintasHubApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--lintas.data-dir=" + dataDir,
                        "--spring.artemis.embedded.server-id=8",
                        "--lintas.delivery.http-timeout=" + HTTP_TIMEOUT.toSeconds() + "s",
                        "--lintas.delivery.consumers-per-receiver=1",
                        "--lintas.delivery.max-attempts=50",
                        "--lintas.delivery.circuit-failure-threshold=3",
                        "--lintas.delivery.circuit-failure-window=60s",
                        "--lintas.delivery.circuit-half-open-after=3s",
                        "--lintas.participants.kukar.endpoint=http://127.0.0.1:" + KUKAR.port() + "/kukar");
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        credentials = TestCredentials.of("http://localhost:" + port, hub);
        new AgreementFixtures("http://127.0.0.1:" + port, credentials)
                .activate(AgreementFixtures.example("pks-kukar-ppu-2024"));
        // The JDK client: it does not retry a 503 by itself (Apache's client waits out Retry-After and sends again).
        api = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .requestInterceptor(credentials.interceptor())
                .build();
        jdbc = hub.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
        KUKAR.stop();
    }

    @Test
    @Order(1)
    void aHungReceiverDelaysAnotherReceiversDeliveryByAtMostOneTimeout() {
        KUKAR.stubFor(post(urlPathEqualTo(KukarStubs.REFERRALS))
                .atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(60_000)));
        dropPpuFile("-H1", "RUJUKAN_20250802_0900.csv");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !KUKAR.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)))
                        .isEmpty());

        long sent = System.nanoTime();
        String id = postKukarReferral("KKR/RES/H1");
        Path file = dataDir.resolve("files").resolve("outbox").resolve("ppu").resolve("RUJUKAN_MASUK_" + id + ".csv");
        await().atMost(HTTP_TIMEOUT.plusSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(file));
        System.out.printf(
                "PPU's file arrived %d ms after the 202 while Kukar hung%n", (System.nanoTime() - sent) / 1_000_000);
    }

    @Test
    @Order(2)
    void aDeadReceiversCircuitOpensStopsCallingItAndClosesWhenItIsBack() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "OPEN".equals(receiver("kukar").get("circuit").asText()));
        assertThat(receiver("kukar").get("waiting").asLong())
                .as("Kukar's deliveries wait on its queue")
                .isPositive();
        assertThat(receiver("ppu").get("circuit").asText()).isEqualTo("CLOSED");
        int calls = kukarReferralCalls().size();
        // Open for 3 s: no call reaches Kukar until the half-open probe.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> kukarReferralCalls().size() == calls);

        KUKAR.resetAll();
        KukarStubs.answerNormally(KUKAR);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from delivery where recipient_id = 'kukar' and state <> 'DELIVERED'")
                                        .query(Integer.class)
                                        .single()
                                == 0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "CLOSED".equals(receiver("kukar").get("circuit").asText()));
    }

    @Test
    @Order(3)
    void everyAttemptAtOneDeliveryCarriesTheSameIdempotencyKey() {
        KUKAR.resetRequests();
        KUKAR.stubFor(post(urlPathEqualTo(KukarStubs.REFERRALS))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        KUKAR.stubFor(post(urlPathEqualTo(KukarStubs.REFERRALS))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        dropPpuFile("-K1", "RUJUKAN_20250802_1000.csv");

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("select count(*) from delivery where recipient_id = 'kukar' and state <> 'DELIVERED'")
                                                .query(Integer.class)
                                                .single()
                                        == 0
                                && kukarReferralCalls().size() >= 2);
        List<LoggedRequest> calls = kukarReferralCalls();
        Map<String, Set<String>> keysByCase = calls.stream()
                .collect(Collectors.groupingBy(
                        call -> Samples.json(call.getBodyAsString())
                                .get("no_registrasi")
                                .asText(),
                        Collectors.mapping(call -> call.getHeader("Idempotency-Key"), Collectors.toSet())));
        assertThat(calls).as("the first attempt failed and was retried").hasSizeGreaterThan(keysByCase.size());
        keysByCase.forEach(
                (caseNumber, keys) -> assertThat(keys).as(caseNumber).hasSize(1).doesNotContainNull());
        Set<String> deliveryIds = jdbc.sql(
                        "select id::text from delivery where recipient_id = 'kukar' and kind = 'REFERRAL'")
                .query(String.class)
                .set();
        keysByCase.values().forEach(keys -> assertThat(deliveryIds).containsAll(keys));
    }

    @Test
    @Order(4)
    void oneConsumerWinsTheClaimOnADelivery() {
        UUID referral = UUID.fromString(postKukarReferral("KKR/RES/C1"));
        DeliveryRepository deliveries = hub.getBean(DeliveryRepository.class);
        UUID delivery = deliveries
                .addStatus(referral, "ppu", "ACCEPTED", null, java.time.Instant.now())
                .id();

        assertThat(deliveries.claim(delivery, "instance-a", Duration.ofMinutes(1)))
                .isPresent();
        assertThat(deliveries.claim(delivery, "instance-b", Duration.ofMinutes(1)))
                .as("held by instance-a")
                .isEmpty();
        assertThat(deliveries.claim(delivery, "instance-b", Duration.ZERO))
                .as("a lease run out is taken over")
                .isPresent();
        deliveries.markEnded(delivery, DeliveryRecord.FAILED, "test");
        assertThat(deliveries.claim(delivery, "instance-c", Duration.ZERO))
                .as("an ended delivery is not claimed")
                .isEmpty();
    }

    @Test
    @Order(5)
    void intakeAnswers503WithRetryAfterWhileTheHubCannotTakeMessages() {
        AvailabilityChangeEvent.publish(hub, ReadinessState.REFUSING_TRAFFIC);
        try {
            ResponseEntity<String> answer = postKukar("KKR/RES/S1");
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(Samples.json(answer.getBody()).get("status").asInt()).isEqualTo(503);
            assertThat(jdbc.sql("select count(*) from referral where source_reference = 'KKR/RES/S1'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            AvailabilityChangeEvent.publish(hub, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(postKukar("KKR/RES/S1").getStatusCode().value()).isEqualTo(202);
    }

    @Test
    @Order(6)
    void aFrozenDatabaseAnswers503WithinFiveSecondsAndReadinessGoesDown() throws Exception {
        credentials.bearer("kukar"); // a token taken before the freeze, as a region's system holds one
        List<ProcessHandle> postgres = postgresProcesses();
        assertThat(postgres).isNotEmpty();
        signal("STOP", postgres);
        dropPpuFile("-F1", "RUJUKAN_20250802_1100.csv"); // read while the database is frozen
        try {
            long started = System.nanoTime();
            ResponseEntity<String> answer = postKukar("KKR/RES/F1");
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "intake answered %d in %d ms with the database frozen%n",
                    answer.getStatusCode().value(), millis);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(millis).as("answered within 5 s, not held").isLessThan(5_500);
            await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 503);
            int person = api.get()
                    .uri("/api/v1/deliveries/receivers")
                    .header(HttpHeaders.AUTHORIZATION, credentials.basic("operator"))
                    .exchange((request, response) -> response.getStatusCode().value());
            assertThat(person)
                    .as("a person's login cannot be checked: 503, not 401")
                    .isEqualTo(503);
        } finally {
            signal("CONT", postgres);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> postKukar("KKR/RES/F1").getStatusCode().value() == 202);
        Path outbox = dataDir.resolve("files").resolve("outbox").resolve("ppu");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(outbox.resolve("HASIL_RUJUKAN_20250802_1100.csv")));
        assertThat(dataDir.resolve("files").resolve("error").resolve("ppu").resolve("RUJUKAN_20250802_1100.csv"))
                .as("the file read while the database was frozen was not given up")
                .doesNotExist();
    }

    @Test
    @Order(7)
    void theSweeperRedrivesADeliveryLostFromTheBroker() throws IOException {
        String id = postKukarReferral("KKR/RES/L1");
        Path file = dataDir.resolve("files").resolve("outbox").resolve("ppu").resolve("RUJUKAN_MASUK_" + id + ".csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
        Files.delete(file);
        // As the database sees a delivery whose message the broker lost long ago.
        jdbc.sql("update delivery set state = 'ENQUEUED', updated_at = now() - interval '1 hour'"
                        + " where referral_id = ?::uuid and recipient_id = 'ppu' and kind = 'REFERRAL'")
                .param(id)
                .update();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED:1"
                        .equals(jdbc.sql(
                                        "select state || ':' || redrives from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                                .param(id)
                                .query(String.class)
                                .single()));
        assertThat(file).as("delivered again").exists();
    }

    @Test
    @Order(8)
    void theSweeperTakesUpAMessageWhoseRequestDied() {
        String body = HubIntegrationTest.sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", "KKR/RES/D1");
        InboundMessageStore inbound = hub.getBean(InboundMessageStore.class);
        // Kept, then the request died (a crash between keeping and recording): RECEIVED, long ago.
        UUID kept = inbound.keep(
                "kukar", "HTTP", "REFERRAL", null, "application/json", body.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("update inbound_message set received_at = now() - interval '1 hour' where id = ?")
                .param(kept)
                .update();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> InboundMessageStore.ACCEPTED.equals(
                        inbound.outcomeOf(kept).orElse("")));
        String referral = jdbc.sql("select id::text from referral where source_reference = 'KKR/RES/D1'")
                .query(String.class)
                .single();
        Path file =
                dataDir.resolve("files").resolve("outbox").resolve("ppu").resolve("RUJUKAN_MASUK_" + referral + ".csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
        JsonNode resend = Samples.json(postKukar("KKR/RES/D1").getBody());
        assertThat(resend.get("referralId").asText())
                .as("Kukar's own resend is the same referral")
                .isEqualTo(referral);
        assertThat(resend.get("duplicate").asBoolean()).isTrue();
    }

    private static JsonNode receiver(String id) {
        JsonNode all = Samples.json(api.get()
                .uri("/api/v1/deliveries/receivers")
                .header(HttpHeaders.AUTHORIZATION, credentials.basic("operator"))
                .retrieve()
                .body(String.class));
        for (JsonNode receiver : all) {
            if (id.equals(receiver.get("receiver").asText())) {
                return receiver;
            }
        }
        throw new AssertionError("no receiver " + id + " in " + all);
    }

    private static List<LoggedRequest> kukarReferralCalls() {
        return KUKAR.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)));
    }

    private static ResponseEntity<String> postKukar(String caseNumber) {
        String body = HubIntegrationTest.sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", caseNumber);
        return api.post()
                .uri("/api/v1/participants/kukar/referrals")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static String postKukarReferral(String caseNumber) {
        ResponseEntity<String> answer = postKukar(caseNumber);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(202));
        return Samples.json(answer.getBody()).get("referralId").asText();
    }

    /** As a load balancer asks: without credentials. */
    private static int readiness() {
        return RestClient.builder()
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .build()
                .get()
                .uri("http://127.0.0.1:"
                        + ((WebServerApplicationContext) hub).getWebServer().getPort() + "/actuator/health/readiness")
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static void dropPpuFile(String suffix, String fileName) {
        try {
            Path inbox = dataDir.resolve("files").resolve("inbox").resolve("ppu");
            Files.createDirectories(inbox);
            String csv =
                    Samples.withCaseSuffix(HubIntegrationTest.sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), suffix);
            Path temp = inbox.resolve(fileName + ".tmp");
            Files.writeString(temp, csv, StandardCharsets.UTF_8);
            Files.move(temp, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ProcessHandle> postgresProcesses() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
                .toList();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
