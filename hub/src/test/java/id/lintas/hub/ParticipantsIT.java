package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.participant.ParticipantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

/**
 * Participants as data (issue 15): a region is connected through the API by the first administrator and
 * receives a referral without a restart; a suspended one neither sends nor receives and its deliveries wait
 * until it is reinstated; every change is a history row; a change made in the table reaches the hub by its
 * polling refresh, as it reaches every other instance.
 */
class ParticipantsIT extends HubIntegrationTest {

    private final List<WireMockServer> servers = new ArrayList<>();

    @Autowired
    private CamelContext camel;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ParticipantDirectory directory;

    @Autowired
    private JmsTemplate jms;

    @AfterEach
    void stopServers() {
        servers.forEach(WireMockServer::stop);
    }

    @Test
    void theFirstAdministratorConnectsARegionThatThenReceivesAReferralWithoutARestart() {
        WireMockServer paser = regionServer();
        // The administrator makes an operator, who will register the region's client key.
        String operator = "it-operator-" + System.nanoTime();
        assertThat(exchange(
                                credentials.basic("admin"),
                                HttpMethod.POST,
                                "/api/v1/accounts",
                                "{\"username\":\"" + operator + "\",\"password\":\""
                                        + TestCredentials.password(operator) + "\",\"roles\":[\"OPERATOR\"]}")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        ResponseEntity<String> created = exchange(
                credentials.basic("admin"),
                HttpMethod.POST,
                "/api/v1/participants",
                participant("paser", "UPTD PPA Kabupaten Paser", "64.01", "kukar-json", paser.baseUrl() + "/kukar"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/participants/paser");
        assertThat(Samples.json(created.getBody()).path("transport").asText()).isEqualTo("HTTP");
        assertThat(camel.getRoute("delivery-send-paser"))
                .as("its delivery route, added at run time")
                .isNotNull();
        assertThat(meters.find("lintas.delivery.backlog")
                        .tag("receiver", "paser")
                        .gauge())
                .isNotNull();

        // Its signer (an account for the new party), its client key registered by the operator and approved by the
        // signer.
        signerOf("paser");
        ECKey clientKey = AgreementFixtures.generate("paser-client-" + System.nanoTime());
        ResponseEntity<String> registered = exchange(
                credentials.basic(operator),
                HttpMethod.POST,
                "/api/v1/participants/paser/client-keys",
                clientKey.toPublicJWK().toJSONString());
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        ResponseEntity<String> approved = exchange(
                credentials.basic("signer-paser"),
                HttpMethod.POST,
                "/api/v1/participants/paser/client-keys/" + clientKey.getKeyID() + "/approval",
                null);
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(credentials
                        .requestToken(
                                "paser",
                                credentials.assertion(
                                        "paser", clientKey, UUID.randomUUID().toString()))
                        .statusCode())
                .as("the new region's system gets a token")
                .isEqualTo(200);

        // An agreement naming it, registered and signed by both parties.
        agreements.activate(agreementWith("paser", "64.01", "UPTD PPA Kabupaten Paser"));

        String caseNumber = "KKR/IT/PASER-" + System.nanoTime();
        ResponseEntity<String> sent = postKukar("referrals", kukarReferralTo("6401", caseNumber));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        String referralId = Samples.json(sent.getBody()).path("referralId").asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !paser.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)))
                        .isEmpty());
        assertThat(paser.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)))
                        .get(0)
                        .getBodyAsString())
                .contains(referralId);
        assertThat(jdbc.sql("select state from delivery where referral_id = ?::uuid and recipient_id = 'paser'")
                        .param(referralId)
                        .query(String.class)
                        .single())
                .isEqualTo("DELIVERED");
    }

    @Test
    void aSuspendedParticipantIsRefusedAsSenderAndItsDeliveriesWaitUntilItIsReinstated() {
        WireMockServer berau = regionServer();
        assertThat(exchange(
                                credentials.basic("admin"),
                                HttpMethod.POST,
                                "/api/v1/participants",
                                participant(
                                        "berau",
                                        "UPTD PPA Kabupaten Berau",
                                        "64.03",
                                        "kukar-json",
                                        berau.baseUrl() + "/kukar"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        signerOf("berau");
        agreements.activate(agreementWith("berau", "64.03", "UPTD PPA Kabupaten Berau"));
        String berauToken = credentials.bearer("berau");

        JsonNode suspended = Samples.json(
                put("berau", "SUSPENDED", berau.baseUrl() + "/kukar").getBody());
        assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(camel.getRoute("delivery-send-berau"))
                .as("no consumer takes its deliveries")
                .isNull();

        // As a sender: its token is refused with the reason, and it gets no new one.
        ResponseEntity<String> refused = exchange(
                berauToken,
                HttpMethod.POST,
                "/api/v1/participants/berau/referrals",
                kukarReferralTo("6403", "KKR/IT/FROM-BERAU-" + System.nanoTime()));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        JsonNode problem = Samples.json(refused.getBody());
        assertThat(problem.path("type").asText()).endsWith("/participant-suspended");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("participant");
        assertThat(credentials
                        .requestToken(
                                "berau",
                                credentials.assertion(
                                        "berau",
                                        credentials.clientKey("berau"),
                                        UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(401);

        // As a receiver: Kukar's referral is accepted and held on Berau's queue, not sent.
        ResponseEntity<String> sent =
                postKukar("referrals", kukarReferralTo("6405", "KKR/IT/BERAU-" + System.nanoTime()));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        String referralId = Samples.json(sent.getBody()).path("referralId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> queued("berau") > 0);
        assertThat(berau.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))))
                .isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> "ENQUEUED".equals(deliveryState(referralId, "berau")));

        assertThat(put("berau", "ACTIVE", berau.baseUrl() + "/kukar")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(deliveryState(referralId, "berau")));
        assertThat(berau.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)))
                        .get(0)
                        .getBodyAsString())
                .contains(referralId);
        assertThat(exchange(credentials.bearer("berau"), HttpMethod.GET, "/api/v1/referrals?participant=berau", null)
                        .getStatusCode()
                        .value())
                .as("reinstated, it calls again")
                .isEqualTo(200);

        JsonNode history = Samples.json(
                exchange(credentials.basic("admin"), HttpMethod.GET, "/api/v1/participants/berau/history", null)
                        .getBody());
        List<String> changes = new ArrayList<>();
        history.forEach(change -> changes.add(
                change.path("version").asInt() + " " + change.path("change").asText() + " "
                        + change.path("changedBy").asText() + " "
                        + change.path("status").asText()));
        assertThat(changes)
                .containsExactly("1 CREATED admin ACTIVE", "2 SUSPENDED admin SUSPENDED", "3 REINSTATED admin ACTIVE");
    }

    @Test
    void aParticipantWrittenInTheTableReachesTheHubByItsRefresh() {
        // As another instance (or an operator with SQL) would write it: this hub learns of it only by polling.
        jdbc.sql(
                        "insert into participant (id, name, region, format, zone) values ('kubar', 'UPTD PPA Kabupaten Kutai Barat',"
                                + " '64.07', 'ppu-csv', 'Asia/Makassar')")
                .update();

        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("ingest-file-kubar") != null);
        assertThat(directory.find("kubar")).isPresent();
        assertThat(camel.getRoute("delivery-send-kubar")).isNotNull();
        assertThat(meters.find("lintas.delivery.circuit.open")
                        .tag("receiver", "kubar")
                        .gauge())
                .isNotNull();
        drop(
                "kubar",
                "RUJUKAN_20250722_1600.csv",
                sample("ppu-csv", "RUJUKAN_20250722_1600.csv").getBytes(StandardCharsets.UTF_8));
        assertThat(awaitOutboxFile("kubar", "HASIL_RUJUKAN_20250722_1600"))
                .as("its inbox is read")
                .exists();

        jdbc.sql("update participant set status = 'SUSPENDED' where id = 'kubar'")
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("ingest-file-kubar") == null);
        assertThat(directory.suspended("kubar")).isTrue();

        JsonNode history = Samples.json(
                exchange(credentials.basic("auditor"), HttpMethod.GET, "/api/v1/participants/kubar/history", null)
                        .getBody());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("change").asText()).isEqualTo("CREATED");
        assertThat(history.get(1).path("change").asText()).isEqualTo("SUSPENDED");
        assertThat(history.get(1).path("changedBy").asText())
                .as("the database user, when no one signed in")
                .startsWith("database user");
    }

    @Test
    void participantsOfTheConfigurationAreSeededOnceWithTheirHistory() {
        JsonNode kukar =
                Samples.json(exchange(credentials.basic("operator"), HttpMethod.GET, "/api/v1/participants/kukar", null)
                        .getBody());
        assertThat(kukar.path("region").asText()).isEqualTo("64.02");
        assertThat(kukar.path("format").asText()).isEqualTo("kukar-json");
        assertThat(kukar.path("endpoint").asText()).isEqualTo("http://127.0.0.1:" + KUKAR.port() + "/kukar");
        JsonNode history = Samples.json(
                exchange(credentials.basic("admin"), HttpMethod.GET, "/api/v1/participants/kukar/history", null)
                        .getBody());
        assertThat(history.get(0).path("change").asText()).isEqualTo("SEEDED");
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo("configuration");
        List<String> ids = new ArrayList<>();
        Samples.json(exchange(credentials.basic("auditor"), HttpMethod.GET, "/api/v1/participants", null)
                        .getBody())
                .forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).containsAll(TestCredentials.PARTICIPANTS);
    }

    @Test
    void refusesBadParticipantsNamingEachField() {
        ResponseEntity<String> bad = exchange(
                credentials.basic("admin"),
                HttpMethod.POST,
                "/api/v1/participants",
                "{\"id\":\"Bad_Id\",\"name\":\"\",\"region\":\"99.99\",\"format\":\"csv-of-nobody\","
                        + "\"endpoint\":\"ftp://example.go.id/in\",\"zone\":\"Mars/Olympus\"}");
        assertThat(bad.getStatusCode().value()).isEqualTo(422);
        assertThat(bad.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        List<String> fields = new ArrayList<>();
        Samples.json(bad.getBody())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("id", "name", "region", "format", "endpoint", "zone");

        ResponseEntity<String> fileWithEndpoint = exchange(
                credentials.basic("admin"),
                HttpMethod.POST,
                "/api/v1/participants",
                participant("mahulu", "UPTD PPA Mahakam Ulu", "64.11", "ppu-csv", "https://example.go.id/in"));
        assertThat(fileWithEndpoint.getStatusCode().value()).isEqualTo(422);
        assertThat(Samples.json(fileWithEndpoint.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("endpoint");

        ResponseEntity<String> existing = exchange(
                credentials.basic("admin"),
                HttpMethod.POST,
                "/api/v1/participants",
                participant("kukar", "DP3A Kutai Kartanegara", "64.02", "kukar-json", null));
        assertThat(existing.getStatusCode().value()).isEqualTo(409);

        ResponseEntity<String> otherRegion = exchange(
                credentials.basic("admin"),
                HttpMethod.PUT,
                "/api/v1/participants/ppu",
                "{\"name\":\"UPTD PPA PPU\",\"region\":\"64.01\",\"format\":\"ppu-csv\",\"status\":\"ACTIVE\"}");
        assertThat(otherRegion.getStatusCode().value()).isEqualTo(422);
        assertThat(Samples.json(otherRegion.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("region");

        ResponseEntity<String> stale = exchange(
                credentials.basic("admin"),
                HttpMethod.PUT,
                "/api/v1/participants/ppu",
                "{\"name\":\"UPTD PPA PPU\",\"region\":\"64.09\",\"format\":\"ppu-csv\",\"status\":\"SUSPENDED\",\"version\":0}");
        assertThat(stale.getStatusCode().value())
                .as("a change made meanwhile is not overwritten unseen")
                .isEqualTo(409);
        assertThat(Samples.json(stale.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("version");
        assertThat(directory.suspended("ppu")).isFalse();

        assertThat(exchange(
                                credentials.basic("operator"),
                                HttpMethod.POST,
                                "/api/v1/participants",
                                participant("bontang", "UPTD PPA Kota Bontang", "64.74", "ppu-csv", null))
                        .getStatusCode()
                        .value())
                .as("only administrators connect regions")
                .isEqualTo(403);
        assertThat(exchange(credentials.basic("admin"), HttpMethod.GET, "/api/v1/participants/nobody", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    private WireMockServer regionServer() {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        KukarStubs.answerNormally(server);
        servers.add(server);
        return server;
    }

    /** The signer account of a new party, made by the administrator with the password the fixtures use. */
    private void signerOf(String participant) {
        String signer = "signer-" + participant;
        ResponseEntity<String> created = exchange(
                credentials.basic("admin"),
                HttpMethod.POST,
                "/api/v1/accounts",
                "{\"username\":\""
                        + signer + "\",\"password\":\"" + TestCredentials.password(signer)
                        + "\",\"roles\":[\"SIGNER\"],\"party\":\""
                        + participant + "\"}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    /** The Kukar–PPU agreement's clauses between Kukar and another region. */
    private static JsonNode agreementWith(String participant, String region, String organisation) {
        ObjectNode document =
                (ObjectNode) AgreementFixtures.example("pks-kukar-ppu-2024").deepCopy();
        document.put("id", "pks-kukar-" + participant + "-it");
        ObjectNode other = (ObjectNode) document.path("parties").get(1);
        other.put("participant", participant).put("region", region).put("organisation", organisation);
        return document;
    }

    /** Kukar's sample referral of a victim living in the region of this BPS code, referred there. */
    private static String kukarReferralTo(String bps, String caseNumber) {
        return sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", caseNumber)
                .replace("\"nik\": \"6409015203990002\"", "\"nik\": \"" + bps + "015203990002\"")
                .replace("\"kode_wilayah\": \"6409\"", "\"kode_wilayah\": \"" + bps + "\"");
    }

    private static String participant(String id, String name, String region, String format, String endpoint) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"region\":\"" + region + "\",\"format\":\"" + format
                + "\"" + (endpoint == null ? "" : ",\"endpoint\":\"" + endpoint + "\"")
                + ",\"zone\":\"Asia/Makassar\"}";
    }

    private ResponseEntity<String> put(String id, String status, String endpoint) {
        JsonNode current =
                Samples.json(exchange(credentials.basic("admin"), HttpMethod.GET, "/api/v1/participants/" + id, null)
                        .getBody());
        ObjectNode change =
                ((ObjectNode) current.deepCopy()).put("status", status).put("endpoint", endpoint);
        ResponseEntity<String> answer =
                exchange(credentials.basic("admin"), HttpMethod.PUT, "/api/v1/participants/" + id, change.toString());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return answer;
    }

    private int queued(String receiver) {
        Integer count = jms.browse(
                "lintas.delivery.to." + receiver,
                (session, browser) -> Collections.list(browser.getEnumeration()).size());
        return count == null ? 0 : count;
    }

    private String deliveryState(String referralId, String receiver) {
        return jdbc.sql(
                        "select state from delivery where referral_id = ?::uuid and recipient_id = ? and kind = 'REFERRAL'")
                .params(referralId, receiver)
                .query(String.class)
                .single();
    }
}
