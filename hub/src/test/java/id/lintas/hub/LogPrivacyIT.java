package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.referral.ReferralRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Victims' data never reaches the log, nor a database column in clear: every sample goes through the
 * hub, valid and invalid, and no name, NIK, phone number, address or chronology from any of them
 * appears in what was logged or in any table read directly.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT extends HubIntegrationTest {

    @Test
    void noIdentifyingValueOfAnySampleIsLoggedOrStoredInClear(CapturedOutput output) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Path file : files("kukar-json")) {
            String body = read(file);
            secrets.addAll(kukarSecrets(body));
            postKukar(file.getFileName().toString().startsWith("status") ? "status" : "referrals", body);
        }
        int n = 0;
        for (Path file : files("ppu-csv")) {
            String csv = read(file);
            secrets.addAll(ppuSecrets(csv));
            String kind = file.getFileName().toString().contains("STATUS") ? "STATUS" : "RUJUKAN";
            String dropped = kind + "_202509" + (10 + n++) + "_1000.csv";
            drop("ppu", dropped, Samples.withCaseSuffix(csv, "-P").getBytes(StandardCharsets.UTF_8));
            awaitOutboxFile("ppu", "HASIL_" + dropped.replace(".csv", ""));
        }
        for (Path file : files("prabumulih-xml")) {
            String xml = read(file).replace("PBM-SL-", "PBM-LOG-");
            secrets.addAll(xmlSecrets(xml));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_XML);
            http.postForEntity(
                    "/api/v1/participants/prabumulih/"
                            + (file.getFileName().toString().startsWith("status") ? "status" : "referrals"),
                    new HttpEntity<>(xml, headers),
                    String.class);
        }
        for (Path file : files("jakarta-fhir")) {
            String json = read(file).replace("JKT/UPTD/", "JKT/LOG/");
            secrets.addAll(fhirSecrets(json));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.valueOf("application/fhir+json"));
            http.postForEntity("/fhir/$process-message", new HttpEntity<>(json, headers), String.class);
        }
        // Let the deliveries these caused happen (and log) before reading the log.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from delivery where state in ('PENDING', 'ENQUEUED')")
                                .query(Integer.class)
                                .single()
                        == 0);

        assertThat(secrets).as("the samples do carry identifying values").hasSizeGreaterThan(10);
        assertThat(output.getAll()).as("the hub did log its work").contains("Delivered");
        for (String secret : secrets) {
            assertThat(output.getAll())
                    .as("log must not contain a victim's data")
                    .doesNotContain(secret);
        }

        // At rest: every table, every column, read directly (bytea decoded as UTF-8 too), holds none in clear.
        String stored = everyTableAsText();
        assertThat(stored).as("the tables hold the referrals").contains("KKR/2025/0412");
        for (String secret : secrets) {
            assertThat(stored).as("no table may hold a victim's data in clear").doesNotContain(secret);
        }
    }

    /**
     * Every way a delivery can fail, on every transport: a region's server refusing (4xx), failing (5xx,
     * until the dead-letter queue), dropping the connection, answering too late or not listening; a FHIR
     * server without metadata, failing or refusing; an outbox that cannot be written. None of them may
     * put a victim's data in the log (camel-fhir quotes the whole Bundle in its exceptions).
     */
    @Test
    void noIdentifyingValueIsLoggedWhenADeliveryFailsInAnyWay(CapturedOutput output) throws Exception {
        Set<String> secrets = new LinkedHashSet<>();
        String rujukan = sample("ppu-csv", "RUJUKAN_20250722_1600.csv");
        secrets.addAll(ppuSecrets(rujukan));

        // HTTP: Kukar's server refuses, fails, resets and stalls, each for its own cases.
        Map<String, ResponseDefinitionBuilder> answers = new LinkedHashMap<>();
        answers.put("-LF400", aResponse().withStatus(400).withBody("{\"pesan\":\"ditolak\"}"));
        answers.put("-LF503", aResponse().withStatus(503));
        answers.put("-LFRST", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        answers.put("-LFTMO", aResponse().withStatus(201).withFixedDelay(4_000));
        List<String> failing = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, ResponseDefinitionBuilder> answer : answers.entrySet()) {
            KUKAR.stubFor(post(urlPathEqualTo(KukarStubs.REFERRALS))
                    .atPriority(1)
                    .withRequestBody(matchingJsonPath("$.no_registrasi", containing(answer.getKey())))
                    .willReturn(answer.getValue()));
            failing.addAll(dropPpu(
                    Samples.withCaseSuffix(rujukan, answer.getKey()), "RUJUKAN_20250930_10" + (10 + n++) + ".csv"));
        }
        awaitEnded(failing, "kukar");

        // HTTP: nobody listening where Kukar's server should be.
        URI kukar = participants.endpoint("kukar").orElseThrow();
        try (ServerSocket socket = new ServerSocket(0)) {
            participants.simulate("kukar", URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/kukar"));
        }
        try {
            awaitEnded(dropPpu(Samples.withCaseSuffix(rujukan, "-LFREF"), "RUJUKAN_20250930_1020.csv"), "kukar");
        } finally {
            participants.simulate("kukar", kukar);
        }

        // FHIR: Jakarta's server without metadata, then failing, then refusing.
        agreements.activate(AgreementFixtures.example("tppo-repatriation-2025"));
        URI jakarta = participants.endpoint("jakarta").orElseThrow();
        WireMockServer fhir = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        fhir.start();
        try {
            participants.simulate("jakarta", URI.create(fhir.baseUrl()));
            for (String way : List.of("metadata", "503", "400")) {
                if (!way.equals("metadata")) {
                    fhir.stubFor(get(urlPathEqualTo("/metadata"))
                            .willReturn(aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/fhir+json")
                                    .withBody(CAPABILITY_STATEMENT)));
                    fhir.stubFor(post(urlPathEqualTo("/"))
                            .willReturn(aResponse()
                                    .withStatus(Integer.parseInt(way))
                                    .withHeader("Content-Type", "application/fhir+json")
                                    .withBody(OPERATION_OUTCOME)));
                }
                String xml =
                        sample("prabumulih-xml", "kasus-tppo-jakarta.xml").replace("PBM-SL-", "PBM-LF" + way + "-");
                secrets.addAll(xmlSecrets(xml));
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_XML);
                String answer = http.postForObject(
                        "/api/v1/participants/prabumulih/referrals", new HttpEntity<>(xml, headers), String.class);
                awaitEnded(List.of(Samples.json(answer).path("referralId").asText()), "jakarta");
            }
            assertThat(fhir.findAll(getRequestedFor(urlPathEqualTo("/metadata"))))
                    .as("the FHIR client asked for metadata")
                    .isNotEmpty();
        } finally {
            participants.simulate("jakarta", jakarta);
            fhir.stop();
        }

        // File: PPU's outbox cannot be written (a file stands where its folder should be).
        Path outbox = outbox("ppu");
        Path moved = outbox.resolveSibling("ppu.moved");
        Files.move(outbox, moved);
        Files.writeString(outbox, "not a folder");
        try {
            String body =
                    sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", "KKR/LOG/FILEFAIL");
            secrets.addAll(kukarSecrets(body));
            String id = Samples.json(postKukar("referrals", body).getBody())
                    .path("referralId")
                    .asText();
            awaitEnded(List.of(id), "ppu");
        } finally {
            Files.delete(outbox);
            Files.move(moved, outbox);
        }

        // Translation: the receiver's format cannot carry the case. Kukar's month-only incident date cannot
        // be written in Prabumulih's XML; routing never sends it there, so the delivery is made by hand.
        String unrenderable =
                sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", "KKR/LOG/RENDERFAIL");
        secrets.addAll(kukarSecrets(unrenderable));
        UUID referral = UUID.fromString(
                Samples.json(postKukar("referrals", unrenderable).getBody())
                        .path("referralId")
                        .asText());
        ReferralRoute granted = referralRecords.route(referral, "ppu").orElseThrow();
        referralRecords.addRoute(
                referral,
                new ReferralRoute(
                        "prabumulih",
                        granted.agreementId(),
                        granted.agreementVersion(),
                        null,
                        granted.services(),
                        granted.subjectToAvailability(),
                        granted.data(),
                        null,
                        "REQUESTED"));
        outboxPublisher.publish(List.of(deliveryRecords.addReferral(referral, "prabumulih")));
        awaitEnded(List.of(referral.toString()), "prabumulih");
        assertThat(jdbc.sql("select state from delivery where referral_id = ? and recipient_id = 'prabumulih'")
                        .param(referral)
                        .query(String.class)
                        .single())
                .as("a translation failure is refused for good")
                .isEqualTo("FAILED");

        assertThat(secrets).as("the samples do carry identifying values").hasSizeGreaterThan(10);
        assertThat(jdbc.sql("select count(*) from delivery where state = 'DEAD'")
                        .query(Integer.class)
                        .single())
                .as("some deliveries went to the dead-letter queue")
                .isPositive();
        assertThat(output.getAll())
                .as("the failures were logged")
                .contains("failed (attempt")
                .contains("failed for good");
        for (String secret : secrets) {
            assertThat(output.getAll())
                    .as("log must not contain a victim's data")
                    .doesNotContain(secret);
        }
    }

    private static final String CAPABILITY_STATEMENT =
            "{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\","
                    + "\"date\":\"2025-01-01\",\"kind\":\"instance\",\"fhirVersion\":\"4.0.1\",\"format\":[\"json\"],"
                    + "\"rest\":[{\"mode\":\"server\"}]}";
    private static final String OPERATION_OUTCOME =
            "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"processing\",\"diagnostics\":\"gagal\"}]}";

    @Autowired
    ParticipantDirectory participants;

    @Autowired
    id.lintas.hub.referral.ReferralRepository referralRecords;

    @Autowired
    id.lintas.hub.delivery.DeliveryRepository deliveryRecords;

    @Autowired
    id.lintas.hub.delivery.OutboxPublisher outboxPublisher;

    /** Drops a PPU file and answers the hub ids of the referrals it made. */
    private List<String> dropPpu(String csv, String fileName) {
        drop("ppu", fileName, csv.getBytes(StandardCharsets.UTF_8));
        String receipt = read(awaitOutboxFile("ppu", "HASIL_" + fileName.replace(".csv", "")));
        return Samples.csvRows(receipt).stream()
                .map(row -> row.get("ID Rujukan Hub"))
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    }

    /** Waits until the referrals' deliveries to the recipient were given up (refused for good or dead-lettered). */
    private void awaitEnded(List<String> referralIds, String recipient) {
        assertThat(referralIds).isNotEmpty();
        for (String id : referralIds) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql(
                                            "select count(*) from delivery where referral_id = ?::uuid"
                                                    + " and recipient_id = ? and kind = 'REFERRAL' and state in ('FAILED', 'DEAD')")
                                    .params(id, recipient)
                                    .query(Integer.class)
                                    .single()
                            > 0);
        }
    }

    private String everyTableAsText() {
        StringBuilder all = new StringBuilder();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables).contains("referral", "inbound_message", "delivery", "referral_event", "referral_identity");
        for (String table : tables) {
            jdbc.sql("select * from " + table).query(rs -> {
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof byte[] bytes) {
                        all.append(new String(bytes, StandardCharsets.UTF_8)).append('|');
                    } else if (value != null) {
                        all.append(value).append('|');
                    }
                }
                all.append('\n');
            });
        }
        return all.toString();
    }

    private static Set<String> kukarSecrets(String body) {
        Set<String> secrets = new LinkedHashSet<>();
        JsonNode json;
        try {
            json = Samples.json(body);
        } catch (UncheckedIOException malformed) {
            return secrets;
        }
        for (String field : List.of("nama", "nik", "no_hp", "telp", "jalan", "kronologi", "catatan")) {
            json.findValuesAsText(field).stream().filter(v -> v.length() >= 5).forEach(secrets::add);
        }
        return secrets;
    }

    private static Set<String> ppuSecrets(String csv) {
        Set<String> secrets = new LinkedHashSet<>();
        List<Map<String, String>> rows;
        try {
            rows = Samples.csvRows(csv);
        } catch (RuntimeException otherLayout) {
            return secrets;
        }
        for (Map<String, String> row : rows) {
            for (String column :
                    List.of("Nama Korban", "NIK Korban", "Alamat Korban", "Nama Pelaku", "Kronologi", "Petugas")) {
                String value = row.get(column);
                if (value != null && value.length() >= 5) {
                    secrets.add(value);
                }
            }
        }
        return secrets;
    }

    /** Names, identifiers, phones, street lines and free text of a FHIR message. */
    private static Set<String> fhirSecrets(String json) {
        Set<String> secrets = new LinkedHashSet<>();
        JsonNode root;
        try {
            root = Samples.json(json);
        } catch (UncheckedIOException malformed) {
            return secrets;
        }
        for (String field : List.of("text", "value", "line")) {
            for (JsonNode node : root.findValues(field)) {
                List<JsonNode> values = node.isArray()
                        ? java.util.stream.StreamSupport.stream(node.spliterator(), false)
                                .toList()
                        : List.of(node);
                values.stream()
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText)
                        .filter(v -> v.length() >= 8
                                && !v.startsWith("http")
                                && !v.startsWith("urn:")
                                && !v.startsWith("JKT/")
                                && !v.startsWith("(")) // a sample's placeholder, such as "(the hub's referral id)"
                        .forEach(secrets::add);
            }
        }
        return secrets;
    }

    /** Text of the elements and attributes that carry identity or free text in Prabumulih's XML. */
    private static Set<String> xmlSecrets(String xml) {
        Set<String> secrets = new LinkedHashSet<>();
        java.util.regex.Matcher elements = java.util.regex.Pattern.compile(
                        "<(nama|nik|no_telp|alamat|ringkasan|catatan)\\b[^>]*>([^<]{5,})</")
                .matcher(xml);
        while (elements.find()) {
            secrets.add(elements.group(2).trim());
        }
        java.util.regex.Matcher attributes =
                java.util.regex.Pattern.compile("\\b(nama|nip)=\"([^\"]{5,})\"").matcher(xml);
        while (attributes.find()) {
            secrets.add(attributes.group(2));
        }
        return secrets;
    }

    private static List<Path> files(String region) {
        try (Stream<Path> files = Files.list(samples(region))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
