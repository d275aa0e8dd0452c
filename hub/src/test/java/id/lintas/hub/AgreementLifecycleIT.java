package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.agreement.DetachedSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * An agreement's life through the administrators' API, and what routing makes of it. Each test
 * uses its own agreement between Kukar and PPU, scoped to adult men and one form of violence, so
 * that it never covers the referrals of the other flow tests (agreement 1 does not cover adult men
 * outside TPPO).
 */
class AgreementLifecycleIT extends HubIntegrationTest {

    /** A Kukar referral of an adult man, for one form of violence, with a case number of its own. */
    private static String adultManReferral(String form, String caseNumber, String... services) {
        ObjectNode referral = (ObjectNode) Samples.json(sample("kukar-json", "referral-tppo-to-ppu.json"));
        referral.put("no_registrasi", caseNumber);
        ObjectNode victim = (ObjectNode) referral.withArray("korban").get(0);
        victim.put("jenis_kelamin", "L");
        referral.putArray("bentuk_kekerasan").add(form);
        ArrayNode requested = referral.putArray("layanan_diminta");
        for (String service : services) {
            requested.add(service);
        }
        return referral.toString();
    }

    /** An agreement between Kukar and PPU for adult men and one form of violence. */
    private static ObjectNode menAgreement(String id, String form) {
        ObjectNode document =
                (ObjectNode) AgreementFixtures.example("pks-kukar-ppu-2024").deepCopy();
        document.put("id", id);
        document.put("title", "Test agreement for adult men, " + form);
        ArrayNode cases = document.with("scope").putArray("cases");
        ObjectNode men = cases.addObject();
        men.putArray("violenceForms").add(form.toUpperCase());
        men.putArray("victimGender").add("male");
        men.putObject("victimAge").put("min", 18);
        men.put("label", "adult men victims of " + form);
        return document;
    }

    private JsonNode submit(String body) {
        ResponseEntity<String> answer = postKukar("referrals", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
        return Samples.json(answer.getBody());
    }

    private List<String> events(String referralId) {
        return jdbc.sql(
                        "select type || ': ' || coalesce(detail, '') from referral_event where referral_id = ?::uuid order by id")
                .param(referralId)
                .query(String.class)
                .list();
    }

    private void awaitRefusalAtKukar(String referralId, String reasonPart) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KUKAR.findAll(
                                postRequestedFor(urlPathMatching("/kukar/api/rujukan/" + referralId + "/status"))))
                        .anySatisfy(request -> assertThat(request.getBodyAsString())
                                .contains("ditolak")
                                .contains(reasonPart)));
    }

    @Test
    void staysADraftUntilEveryPartySignedWithItsRegisteredKey() {
        ObjectNode document = menAgreement("it-signatures", "penelantaran");
        assertThat(agreements.register(document).getStatusCode().value()).isEqualTo(201);
        String canonical = agreements.canonical("it-signatures", 1);

        // A key that Kukar never registered.
        ECKey stranger = AgreementFixtures.generate("stranger-key");
        ResponseEntity<String> unknownKey =
                agreements.sign("it-signatures", 1, "kukar", DetachedSigner.sign(canonical, stranger));
        assertThat(unknownKey.getStatusCode().value()).isEqualTo(422);
        assertThat(unknownKey.getBody()).contains("\"field\":\"jws\"").contains("not a registered");

        // Kukar's kid, but another private key: the signature does not verify.
        ECKey forged = AgreementFixtures.generate(AgreementFixtures.key("kukar").getKeyID());
        ResponseEntity<String> wrongKey =
                agreements.sign("it-signatures", 1, "kukar", DetachedSigner.sign(canonical, forged));
        assertThat(wrongKey.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongKey.getBody()).contains("does not verify");

        // Kukar's key over a changed document (a longer validity) is not a signature of this version.
        String changed = canonical.replace("2027-07-16", "2029-07-16");
        ResponseEntity<String> changedDocument = agreements.sign(
                "it-signatures", 1, "kukar", DetachedSigner.sign(changed, AgreementFixtures.key("kukar")));
        assertThat(changedDocument.getStatusCode().value()).isEqualTo(422);

        // An administrator cannot sign for a party that is not one.
        ResponseEntity<String> notAParty = agreements.signAs("it-signatures", 1, "jakarta");
        assertThat(notAParty.getStatusCode().value()).isIn(422, 404);

        // Kukar signs properly; PPU has not: still a draft, and it routes nothing.
        assertThat(agreements
                        .signAs("it-signatures", 1, "kukar")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(agreements
                        .get("/api/v1/agreements/it-signatures")
                        .path("status")
                        .asText())
                .isEqualTo("DRAFT");
        JsonNode refused = submit(adultManReferral("penelantaran", "KKR/IT/SIG-1", "konseling_psikologis"));
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("refusal").asText()).contains("it-signatures").contains("not every party has signed");
        awaitRefusalAtKukar(refused.path("referralId").asText(), "not every party has signed");

        // PPU signs: active, and the same kind of referral now routes, recording the agreement and version.
        ResponseEntity<String> last = agreements.signAs("it-signatures", 1, "ppu");
        assertThat(last.getStatusCode().value()).isEqualTo(201);
        assertThat(Samples.json(last.getBody()).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode routed = submit(adultManReferral("penelantaran", "KKR/IT/SIG-2", "konseling_psikologis"));
        assertThat(routed.path("destinations")).extracting(JsonNode::asText).containsExactly("ppu");
        assertThat(events(routed.path("referralId").asText()))
                .anySatisfy(e -> assertThat(e).startsWith("ROUTED: to ppu under agreement it-signatures v1"));
        assertThat(jdbc.sql(
                                "select agreement_id || ' v' || agreement_version from referral_route where referral_id = ?::uuid")
                        .param(routed.path("referralId").asText())
                        .query(String.class)
                        .single())
                .isEqualTo("it-signatures v1");
        JsonNode record = Samples.json(http.getForObject(
                "/api/v1/referrals/" + routed.path("referralId").asText(), String.class));
        assertThat(record.path("routes").get(0).path("agreementId").asText()).isEqualTo("it-signatures");
        assertThat(record.path("routes").get(0).path("respondBy").isMissingNode())
                .isFalse();

        JsonNode trail = agreements.get("/api/v1/agreements/it-signatures/events");
        assertThat(trail.findValuesAsText("type")).contains("REGISTERED", "SIGNATURE_REFUSED", "SIGNED", "ACTIVATED");
    }

    @Test
    void anAmendmentIsANewVersionSignedAgainWhileTheOldOneStaysReadable() {
        agreements.activate(menAgreement("it-amendment", "psikis"));
        JsonNode underV1 = submit(adultManReferral("psikis", "KKR/IT/AMD-1", "konseling_psikologis"));
        assertThat(events(underV1.path("referralId").asText()))
                .anySatisfy(e -> assertThat(e).contains("it-amendment v1"));

        ObjectNode v2 = menAgreement("it-amendment", "psikis");
        v2.put("version", 2);
        v2.putArray("responseTimes").addObject().put("within", "PT12H");
        assertThat(agreements.register(v2).getStatusCode().value()).isEqualTo(201);
        // Not yet signed: version 1 still routes.
        JsonNode stillV1 = submit(adultManReferral("psikis", "KKR/IT/AMD-2", "konseling_psikologis"));
        assertThat(events(stillV1.path("referralId").asText()))
                .anySatisfy(e -> assertThat(e).contains("it-amendment v1"));

        agreements.signAs("it-amendment", 2, "kukar");
        agreements.signAs("it-amendment", 2, "ppu");
        JsonNode underV2 = submit(adultManReferral("psikis", "KKR/IT/AMD-3", "konseling_psikologis"));
        assertThat(events(underV2.path("referralId").asText()))
                .anySatisfy(e -> assertThat(e).contains("it-amendment v2"));

        assertThat(agreements
                        .get("/api/v1/agreements/it-amendment/versions/1")
                        .path("status")
                        .asText())
                .isEqualTo("SUPERSEDED");
        assertThat(agreements
                        .get("/api/v1/agreements/it-amendment/versions/1")
                        .path("document")
                        .path("responseTimes"))
                .hasSize(2);
        assertThat(agreements
                        .get("/api/v1/agreements/it-amendment")
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        // A signed version cannot be signed again or changed; an amendment must be the next number.
        ObjectNode stale = menAgreement("it-amendment", "psikis");
        stale.put("version", 2);
        assertThat(agreements.register(stale).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void suspensionStopsNewRoutingAndTerminationEndsItButReferralsInFlightKeepTheirStatusFlow() {
        agreements.activate(menAgreement("it-suspension", "fisik"));

        assertThat(agreements
                        .post("/api/v1/agreements/it-suspension/suspend", "{\"reason\":\"audit of data handling\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        JsonNode whileSuspended = submit(adultManReferral("fisik", "KKR/IT/SUS-1", "konseling_psikologis"));
        assertThat(whileSuspended.path("refusal").asText()).contains("it is suspended");
        awaitRefusalAtKukar(whileSuspended.path("referralId").asText(), "suspended");

        assertThat(agreements
                        .post("/api/v1/agreements/it-suspension/resume", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        JsonNode inFlight = submit(adultManReferral("fisik", "KKR/IT/SUS-2", "konseling_psikologis"));
        String inFlightId = inFlight.path("referralId").asText();
        assertThat(inFlight.path("destinations")).extracting(JsonNode::asText).containsExactly("ppu");
        awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + inFlightId);

        String today = LocalDate.now().toString();
        ResponseEntity<String> terminated = agreements.post(
                "/api/v1/agreements/it-suspension/terminate",
                "{\"effectiveDate\":\"2025-01-01\",\"reason\":\"notice by PPU (test)\"}");
        assertThat(terminated.getStatusCode().value()).as(terminated.getBody()).isEqualTo(200);
        assertThat(Samples.json(terminated.getBody()).path("status").asText()).isEqualTo("TERMINATED");
        JsonNode afterEnd = submit(adultManReferral("fisik", "KKR/IT/SUS-3", "konseling_psikologis"));
        assertThat(afterEnd.path("refusal").asText()).contains("terminated with effect from 2025-01-01");

        // PPU accepts the referral sent while the agreement was in force: the status still reaches Kukar.
        String status = "\uFEFFNo Registrasi;ID Rujukan Hub;Status;Tanggal;Jam;Catatan\r\n" + "KKR/IT/SUS-2;"
                + inFlightId + ";Diterima;23/07/2025;08:10;Diterima (uji)\r\n";
        drop("ppu", "STATUS_20250723_0811.csv", status.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KUKAR.findAll(
                                postRequestedFor(urlPathMatching("/kukar/api/rujukan/" + inFlightId + "/status"))
                                        .withRequestBody(matchingJsonPath(
                                                "$.status",
                                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("diterima")))))
                        .isNotEmpty());
        assertThat(today).isNotBlank();
    }

    @Test
    void receiverSeesOnlyTheDataItsServicesAllow() {
        // Psychological care only: no chronology, no perpetrator details (agreement 1, data clause).
        ObjectNode counselling = (ObjectNode) Samples.json(sample("kukar-json", "referral-tppo-to-ppu.json"));
        counselling.put("no_registrasi", "KKR/IT/MIN-1");
        counselling.putArray("layanan_diminta").add("konseling_psikologis");
        String counsellingId = submit(counselling.toString()).path("referralId").asText();
        Map<String, String> counsellingRow = Samples.csvRows(
                        read(awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + counsellingId)))
                .get(0);

        ObjectNode legalAid = (ObjectNode) Samples.json(sample("kukar-json", "referral-tppo-to-ppu.json"));
        legalAid.put("no_registrasi", "KKR/IT/MIN-2");
        legalAid.putArray("layanan_diminta").add("bantuan_hukum");
        String legalAidId = submit(legalAid.toString()).path("referralId").asText();
        Map<String, String> legalAidRow = Samples.csvRows(read(awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + legalAidId)))
                .get(0);

        assertThat(counsellingRow.get("Kronologi")).doesNotContain("dijanjikan pekerjaan");
        assertThat(counsellingRow.get("Nama Pelaku")).isEmpty();
        assertThat(counsellingRow.get("Hubungan Pelaku")).isEmpty();
        assertThat(counsellingRow.get("Nama Korban")).isEqualTo("Rina Marlina");
        assertThat(counsellingRow.get("Layanan Dibutuhkan"))
                .contains("Konseling Psikologis")
                .doesNotContain("Bantuan Hukum");

        assertThat(legalAidRow.get("Kronologi")).contains("dijanjikan pekerjaan");
        assertThat(legalAidRow.get("Nama Pelaku")).isEqualTo("Herman S.");
        assertThat(legalAidRow.get("Layanan Dibutuhkan"))
                .contains("Bantuan Hukum")
                .doesNotContain("Konseling Psikologis");
    }

    @Test
    void explainsADecisionWithoutSendingOrStoringAnything() {
        int referralsBefore =
                jdbc.sql("select count(*) from referral").query(Integer.class).single();

        ResponseEntity<String> answer = http.postForEntity(
                "/api/v1/routing/explain?sender=kukar&native=true",
                json(sample("kukar-json", "referral-tppo-to-ppu.json")),
                String.class);
        JsonNode explained = Samples.json(answer.getBody());
        assertThat(explained.path("routed").asBoolean()).isTrue();
        assertThat(explained.path("routes").get(0).path("participant").asText()).isEqualTo("ppu");
        assertThat(explained.path("routes").get(0).path("agreement").asText()).isEqualTo("pks-kukar-ppu-2024");
        assertThat(explained.path("routes").get(0).path("respondWithin").asText())
                .isEqualTo("PT2H");

        // An adult man's neglect case under a draft: refused as things are, routed if the draft were signed.
        agreements.register(menAgreement("it-explain-draft", "lainnya"));
        String body = adultManReferral("lainnya", "KKR/IT/EXP-1", "konseling_psikologis");
        JsonNode now = Samples.json(
                http.postForEntity("/api/v1/routing/explain?sender=kukar&native=true", json(body), String.class)
                        .getBody());
        assertThat(now.path("routed").asBoolean()).isFalse();
        assertThat(now.path("findings").findValuesAsText("clause")).contains("SCOPE", "NOT_IN_FORCE");
        JsonNode ifSigned = Samples.json(http.postForEntity(
                        "/api/v1/routing/explain?sender=kukar&native=true&agreement=it-explain-draft&version=1",
                        json(body),
                        String.class)
                .getBody());
        assertThat(ifSigned.path("routed").asBoolean()).isTrue();
        assertThat(ifSigned.path("routes").get(0).path("agreement").asText()).isEqualTo("it-explain-draft");

        assertThat(jdbc.sql("select count(*) from referral")
                        .query(Integer.class)
                        .single())
                .isEqualTo(referralsBefore);
    }

    @Test
    void aFileSendersRefusalReachesItAsAStatusFile() {
        // PPU's case 118 reduced to its first victim, made an adult man exploited: no agreement covers it.
        String[] lines = sample("ppu-csv", "RUJUKAN_20250722_1600.csv").split("\r\n");
        String row = lines[2].replace(";Laki-laki;;12;SD;", ";Laki-laki;;40;SD;")
                .replace(";Fisik, Psikis;", ";Eksploitasi;");
        String csv = Samples.withCaseSuffix(lines[0] + "\r\n" + row + "\r\n", "-RF");
        drop("ppu", "RUJUKAN_20250722_1655.csv", csv.getBytes(StandardCharsets.UTF_8));

        Map<String, String> receipt = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250722_1655")))
                .get(0);
        String id = receipt.get("ID Rujukan Hub");
        assertThat(receipt.get("Pesan")).contains("tidak diteruskan").contains("outside its scope");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxFiles("ppu", "STATUS_MASUK_").stream()
                        .anyMatch(file -> read(file).contains(id)));
        Map<String, String> status = outboxFiles("ppu", "STATUS_MASUK_").stream()
                .flatMap(file -> Samples.csvRows(read(file)).stream())
                .filter(r -> id.equals(r.get("ID Rujukan Hub")))
                .findFirst()
                .orElseThrow();
        assertThat(status.get("Status")).isEqualTo("Ditolak");
        assertThat(status.get("Catatan")).contains("pks-kukar-ppu-2024");
    }

    @Test
    void listsReceiversThatHaveNotAnsweredInTime() {
        ObjectNode referral = (ObjectNode) Samples.json(sample("kukar-json", "referral-tppo-to-ppu.json"));
        referral.put("no_registrasi", "KKR/IT/LATE-1");
        String id = submit(referral.toString()).path("referralId").asText();
        Object due = jdbc.sql("select respond_by from referral_route where referral_id = ?::uuid")
                .param(id)
                .query()
                .singleValue();
        assertThat(due).as("high urgency under agreement 1: an answer is due").isNotNull();
        assertThat(Samples.json(http.getForObject("/api/v1/referrals/overdue", String.class))
                        .findValuesAsText("referralId"))
                .doesNotContain(id);

        // Three hours pass without PPU's answer (the clock is moved by moving the due time back).
        jdbc.sql("update referral_route set respond_by = now() - interval '1 hour' where referral_id = ?::uuid")
                .param(id)
                .update();

        assertThat(Samples.json(http.getForObject("/api/v1/referrals/overdue", String.class))
                        .findValuesAsText("referralId"))
                .contains(id);
        JsonNode metric = Samples.json(http.getForObject("/actuator/metrics/lintas.referrals.overdue", String.class));
        assertThat(metric.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void refusesAnInvalidAgreementNamingTheField() {
        ObjectNode document = menAgreement("it-invalid", "fisik");
        ((ObjectNode) document.withArray("parties").get(1)).put("region", "64.99");
        document.put("validUntil", "2020-01-01");
        ResponseEntity<String> answer = agreements.register(document);
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).contains("parties[1].region", "validUntil");

        ObjectNode schemaBroken = menAgreement("it-invalid", "fisik");
        schemaBroken.remove("consent");
        schemaBroken.put("colour", "blue");
        JsonNode schemaProblem = Samples.json(agreements.register(schemaBroken).getBody());
        assertThat(schemaProblem.path("errors").findValuesAsText("field")).contains("consent", "colour");

        // Kukar's and PPU's lists have no code for LPSK protection: they cannot be asked for it.
        ObjectNode lpsk = menAgreement("it-invalid", "fisik");
        lpsk.withArray("services").addObject().put("code", "PERLINDUNGAN_LPSK");
        JsonNode lpskProblem = Samples.json(agreements.register(lpsk).getBody());
        assertThat(lpskProblem.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).matches("services\\[\\d+]\\.code");
            assertThat(error.path("reason").asText()).contains("kukar-json").contains("PERLINDUNGAN_LPSK");
        });
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
