package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.lintas.hub.audit.AuditSequencer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The audit trail of a referral in each region's flow (Kukar JSON, PPU CSV, Prabumulih XML, Jakarta FHIR, as
 * senders and as receivers): every kind of event appears, in the scope of the auditor who asks; the FHIR
 * export is a Bundle of BALP AuditEvents; no victim's data in any answer.
 */
class AuditTrailIT extends HubIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void kukarReferralToPpuIsTracedFromIntakeToTheReceiversReadAndAnOperatorsRedrive() {
        String reference = "KKR/2025/AT" + System.nanoTime() % 100000;
        String referral = sample("kukar-json", "referral-child-sexual-violence.json")
                .replace("KKR/2025/0430", reference)
                .replaceFirst("\"no_registrasi\"", "\"revisi\": 2, \"no_registrasi\"");
        JsonNode first = Samples.json(postKukar("referrals", referral).getBody());
        String id = first.get("referralId").asText();
        assertThat(Samples.json(postKukar("referrals", referral).getBody())
                        .get("duplicate")
                        .asBoolean())
                .isTrue();
        ResponseEntity<String> stale = postKukar("referrals", referral.replace("\"revisi\": 2", "\"revisi\": 1"));
        assertThat(stale.getStatusCode().is4xxClientError()).as(stale.getBody()).isTrue();
        awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);

        // PPU, the receiver, reads its copy; Kukar reads what it sent.
        assertThat(http.exchange("/api/v1/referrals/" + id, HttpMethod.GET, as(credentials.bearer("ppu")), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String senderCopy = http.getForObject("/api/v1/referrals/" + id, String.class);

        // PPU accepts by status file; Kukar's server refuses that status once, an operator re-drives it.
        StubMapping refuse = KUKAR.stubFor(post(urlPathEqualTo("/kukar/api/rujukan/" + id + "/status"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400)));
        String status = sample("ppu-csv", "STATUS_20250723_0800.csv").replace("<the hub's referral id>", id);
        drop("ppu", "STATUS_20250723_0833.csv", status.getBytes(StandardCharsets.UTF_8));
        String statusDelivery = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql(
                                        "select id::text from delivery where referral_id = ?::uuid and recipient_id = 'kukar' and state = 'FAILED'")
                                .param(id)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        java.util.Objects::nonNull);
        KUKAR.removeStub(refuse);
        String operator = "trail-operator-" + System.nanoTime() % 100000;
        ResponseEntity<String> created = http.exchange(
                "/api/v1/accounts",
                HttpMethod.POST,
                new HttpEntity<>(
                        "{\"username\":\"" + operator
                                + "\",\"password\":\"correct horse battery\",\"roles\":[\"OPERATOR\"]}",
                        json(credentials.basic("admin"))),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String operatorAuth = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((operator + ":correct horse battery").getBytes(StandardCharsets.UTF_8));
        assertThat(http.exchange(
                                "/api/v1/deliveries/" + statusDelivery + "/retry",
                                HttpMethod.POST,
                                as(operatorAuth),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select state from delivery where id = ?::uuid")
                        .param(statusDelivery)
                        .query(String.class)
                        .single()
                        .equals("DELIVERED"));

        JsonNode trail = trail(id, credentials.basic("auditor"));
        assertThat(kinds(trail))
                .contains(
                        "INTAKE_RECEIVED",
                        "INTAKE_DUPLICATE",
                        "INTAKE_REFUSED",
                        "ROUTING_DECIDED",
                        "DELIVERY_ATTEMPTED",
                        "STATUS_CHANGED",
                        "REFERRAL_READ",
                        "REDRIVE",
                        "AGREEMENT_CHANGED",
                        "AGREEMENT_SIGNED",
                        "KEY_REGISTERED",
                        "KEY_APPROVED",
                        "ACCOUNT_CHANGED");
        assertThat(outcomes(trail, "DELIVERY_ATTEMPTED")).contains("DELIVERED", "FAILED");
        assertThat(trail.findValues("copy")).extracting(JsonNode::asText).contains("RECEIVER_COPY", "SENDER_COPY");
        assertThat(steps(trail, "REDRIVE")).anySatisfy(step -> {
            assertThat(step.path("actor").path("account").asText()).isEqualTo(operator);
            assertThat(step.path("actor").path("role").asText()).isEqualTo("OPERATOR");
        });
        assertThat(steps(trail, "REFERRAL_READ")).anySatisfy(step -> {
            assertThat(step.path("actor").path("participant").asText()).isEqualTo("ppu");
            assertThat(step.path("region").asText()).isEqualTo("64.09");
            assertThat(step.path("agreement").asText()).isEqualTo("pks-kukar-ppu-2024");
        });
        JsonNode handoff = trail.path("handoffs").get(0);
        assertThat(handoff.path("receiver").asText()).isEqualTo("ppu");
        assertThat(handoff.path("agreementVersion").asInt()).isPositive();
        assertThat(handoff.path("answeredAt").isTextual())
                .as(handoff.toString())
                .isTrue();
        assertThat(trail.path("events").findValues("index"))
                .anySatisfy(index -> assertThat(index.isIntegralNumber()).isTrue());
        assertNoVictimData(senderCopy, trail.toString());

        String fhir = fhirTrail(id, credentials.basic("auditor"));
        assertValidBalp(fhir);
        assertNoVictimData(senderCopy, fhir);
        writeExport(fhir);

        // Scope: PPU's auditor sees its handoff; Prabumulih's is told there is no such referral.
        assertThat(trail(id, credentials.basic("auditor-ppu"))
                        .path("handoffs")
                        .get(0)
                        .path("receiver")
                        .asText())
                .isEqualTo("ppu");
        ResponseEntity<String> outside = http.exchange(
                "/api/v1/audit/referrals/" + id + "/trail",
                HttpMethod.GET,
                as(credentials.basic("auditor-prabumulih")),
                String.class);
        assertThat(outside.getStatusCode().value()).isEqualTo(404);
        assertThat(Samples.json(outside.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("id");
        assertThat(outside.getBody()).doesNotContain("kukar").doesNotContain("ppu");

        // Search: the handoff by agreement and pair, not under another pair.
        JsonNode found =
                search("agreement=pks-kukar-ppu-2024&sender=kukar&receiver=ppu&size=200", credentials.basic("auditor"));
        assertThat(found.path("handoffs").findValuesAsText("referral")).contains(id);
        assertNoVictimData(senderCopy, found.toString());
        String log = jdbc.sql("select string_agg(convert_from(entry, 'UTF8'), ' ') from (select entry from audit_entry"
                        + " union all select entry from audit_pending) e")
                .query(String.class)
                .single();
        assertNoVictimData(senderCopy, log);
        assertThat(search("outcome=dead&sender=kukar&receiver=ppu&size=200", credentials.basic("auditor"))
                        .path("handoffs")
                        .findValuesAsText("referral"))
                .as("its answer to Kukar was refused for good")
                .contains(id);
        assertThat(search("outcome=refused&sender=kukar&size=200", credentials.basic("auditor"))
                        .path("handoffs"))
                .as("the older revision refused at intake")
                .anySatisfy(refusal -> {
                    assertThat(refusal.path("referral").asText()).isEqualTo(id);
                    assertThat(refusal.path("kind").asText()).isEqualTo("INTAKE_REFUSED");
                });
        JsonNode otherPair = search("sender=prabumulih&receiver=ppu", credentials.basic("auditor"));
        assertThat(otherPair.path("handoffs").findValuesAsText("referral")).doesNotContain(id);
        assertThat(search("sender=kukar&size=200", credentials.basic("auditor-prabumulih"))
                        .path("handoffs")
                        .findValuesAsText("referral"))
                .doesNotContain(id);
        ResponseEntity<String> badOutcome = http.exchange(
                "/api/v1/audit/referrals?outcome=late", HttpMethod.GET, as(credentials.basic("auditor")), String.class);
        assertThat(badOutcome.getStatusCode().value()).isEqualTo(400);
        assertThat(Samples.json(badOutcome.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("outcome");
    }

    @Test
    void ppuCsvReferralToKukarIsTracedWithKukarsRead() {
        String csv = Samples.withCaseSuffix(
                sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-AT" + System.nanoTime() % 100000);
        drop("ppu", "RUJUKAN_20250722_1733.csv", csv.getBytes(StandardCharsets.UTF_8));
        String id = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250722_1733")))
                .get(0)
                .get("ID Rujukan Hub");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !kukarReferralsFor(id).isEmpty());
        assertThat(http.exchange(
                                "/api/v1/referrals/" + id,
                                HttpMethod.GET,
                                as(credentials.bearer("kukar")),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String senderCopy = http.getForObject("/api/v1/referrals/" + id, String.class);

        JsonNode trail = awaitTrail(id, "DELIVERED");
        assertThat(kinds(trail)).contains("INTAKE_RECEIVED", "ROUTING_DECIDED", "DELIVERY_ATTEMPTED", "REFERRAL_READ");
        assertThat(steps(trail, "INTAKE_RECEIVED"))
                .allSatisfy(step -> assertThat(step.path("commitment").asText()).startsWith("hmac-sha256:"));
        assertNoVictimData(senderCopy, trail.toString());
        assertValidBalp(fhirTrail(id, credentials.basic("auditor")));
    }

    @Test
    void prabumulihXmlReferralToJakartaFhirIsTracedWithJakartasAnswer() {
        agreements.activate(AgreementFixtures.example("tppo-repatriation-2025"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        String xml = sample("prabumulih-xml", "kasus-tppo-jakarta.xml")
                .replace("PBM-SL-", "PBM-AT" + System.nanoTime() % 100000 + "-");
        String id = Samples.json(http.postForEntity(
                                "/api/v1/participants/prabumulih/referrals",
                                new HttpEntity<>(xml, headers),
                                String.class)
                        .getBody())
                .path("referralId")
                .asText();
        awaitTrail(id, "DELIVERED");
        HttpHeaders fhirHeaders = new HttpHeaders();
        fhirHeaders.setContentType(MediaType.valueOf("application/fhir+json"));
        String status = sample("jakarta-fhir", "message-status-diterima.json").replace("(the hub's referral id)", id);
        assertThat(http.postForEntity("/fhir/$process-message", new HttpEntity<>(status, fhirHeaders), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String senderCopy = http.getForObject("/api/v1/referrals/" + id, String.class);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(kinds(trail(id, credentials.basic("auditor"))))
                        .contains(
                                "INTAKE_RECEIVED",
                                "ROUTING_DECIDED",
                                "DELIVERY_ATTEMPTED",
                                "STATUS_CHANGED",
                                "REFERRAL_READ"));
        JsonNode trail = trail(id, credentials.basic("auditor"));
        assertThat(steps(trail, "STATUS_CHANGED")).anySatisfy(step -> {
            assertThat(step.path("actor").path("participant").asText()).isEqualTo("jakarta");
            assertThat(step.path("region").asText()).isEqualTo("31");
        });
        assertThat(steps(trail, "DELIVERY_ATTEMPTED"))
                .anySatisfy(step -> assertThat(step.path("receiver").asText()).isEqualTo("jakarta"));
        assertNoVictimData(senderCopy, trail.toString());
        String fhir = fhirTrail(id, credentials.basic("auditor"));
        assertValidBalp(fhir);
        assertNoVictimData(senderCopy, fhir);
        assertThat(trail(id, credentials.basic("auditor-prabumulih"))
                        .path("sender")
                        .asText())
                .isEqualTo("prabumulih");
    }

    @Test
    void jakartaFhirReferralToKukarIsTracedWithKukarsReadAndAnswer() {
        agreements.activate(JakartaFlowIT.jakartaKukarAgreement());
        String message = sample("jakarta-fhir", "message-rujukan-baru-kukar.json")
                .replace("JKT/UPTD/2025/1187", "JKT/AT/" + System.nanoTime() % 100000);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/fhir+json"));
        ResponseEntity<String> answer =
                http.postForEntity("/fhir/$process-message", new HttpEntity<>(message, headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, answer.getBody());
        String id = ((org.hl7.fhir.r4.model.Task) response.getEntry().get(1).getResource())
                .getIdentifierFirstRep()
                .getValue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !kukarReferralsFor(id).isEmpty());
        assertThat(http.exchange(
                                "/api/v1/referrals/" + id,
                                HttpMethod.GET,
                                as(credentials.bearer("kukar")),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String accepted = sample("kukar-json", "status-accepted.json").replace("<the hub's referral id>", id);
        assertThat(postKukar("status", accepted).getStatusCode().is2xxSuccessful())
                .isTrue();
        String senderCopy = http.getForObject("/api/v1/referrals/" + id, String.class);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(steps(trail(id, credentials.basic("auditor")), "DELIVERY_ATTEMPTED"))
                        .anySatisfy(step -> {
                            assertThat(step.path("receiver").asText()).isEqualTo("jakarta");
                            assertThat(step.path("outcome").asText()).isEqualTo("DELIVERED");
                        }));
        JsonNode trail = trail(id, credentials.basic("auditor"));
        assertThat(kinds(trail))
                .contains(
                        "INTAKE_RECEIVED", "ROUTING_DECIDED", "DELIVERY_ATTEMPTED", "REFERRAL_READ", "STATUS_CHANGED");
        assertThat(steps(trail, "INTAKE_RECEIVED")).singleElement().satisfies(step -> {
            assertThat(step.path("actor").path("participant").asText()).isEqualTo("jakarta");
            assertThat(step.path("region").asText()).isEqualTo("31");
        });
        assertThat(trail.path("handoffs").get(0).path("answer").asText()).isEqualTo("ACCEPTED");
        assertNoVictimData(senderCopy, trail.toString());
        String fhir = fhirTrail(id, credentials.basic("auditor"));
        assertValidBalp(fhir);
        assertNoVictimData(senderCopy, fhir);
    }

    @Test
    void aRefusedReferralIsFoundByItsOutcomeAndItsTrailNamesTheFailedClauseWithoutDescribingTheVictim() {
        // An adult man hurt physically: outside every agreement's scope.
        String body = sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", "KKR/AT/ADULT-" + System.nanoTime() % 100000)
                .replace("\"jenis_kelamin\": \"P\"", "\"jenis_kelamin\": \"L\"")
                .replace("[\"tppo\", \"eksploitasi\", \"psikis\"]", "[\"fisik\"]");
        JsonNode refused = Samples.json(postKukar("referrals", body).getBody());
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        String id = refused.path("referralId").asText();
        String senderCopy = http.getForObject("/api/v1/referrals/" + id, String.class);

        JsonNode trail = trail(id, credentials.basic("auditor"));
        assertThat(steps(trail, "ROUTING_DECIDED")).isNotEmpty().allSatisfy(step -> {
            assertThat(step.path("outcome").asText()).isEqualTo("REFUSED");
            assertThat(step.path("details").path("failedClauses")).isNotEmpty();
        });
        assertThat(trail.toString()).doesNotContain("aged").doesNotContain("male");
        assertNoVictimData(senderCopy, trail.toString());
        assertThat(search("outcome=refused&sender=kukar&size=200", credentials.basic("auditor"))
                        .path("handoffs")
                        .findValuesAsText("referral"))
                .contains(id);
        assertThat(search("outcome=dead&sender=kukar&size=200", credentials.basic("auditor"))
                        .path("handoffs")
                        .findValuesAsText("referral"))
                .doesNotContain(id);
    }

    @Test
    void overdueFindsHandoffsAnsweredAfterTheirDueTimeOrNotAtAllPastIt() {
        // Response times are an hour at the least: the routing decisions are appended as the intake would, with due
        // times past.
        id.lintas.hub.audit.AuditLog log = context.getBean(id.lintas.hub.audit.AuditLog.class);
        java.time.Instant routed = java.time.Instant.now().minus(Duration.ofHours(3));
        java.util.UUID late = java.util.UUID.randomUUID();
        java.util.UUID unanswered = java.util.UUID.randomUUID();
        java.util.UUID inTime = java.util.UUID.randomUUID();
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .executeWithoutResult(tx -> {
                    for (java.util.UUID referral : List.of(late, unanswered, inTime)) {
                        log.append(id.lintas.hub.audit.AuditEvent.of(id.lintas.hub.audit.AuditKind.ROUTING_DECIDED)
                                .at(routed)
                                .withActor(id.lintas.hub.audit.AuditEvent.Actor.system())
                                .withReferral(referral)
                                .withParties("kukar", "ppu")
                                .withAgreement("it-overdue", 1)
                                .withOutcome("ROUTED")
                                .withDetail(
                                        "respondBy",
                                        routed.plus(Duration.ofHours(1)).toString()));
                    }
                    log.append(answer(late, routed.plus(Duration.ofHours(2))));
                    log.append(answer(inTime, routed.plus(Duration.ofMinutes(30))));
                });

        JsonNode overdue = search("agreement=it-overdue&outcome=overdue", credentials.basic("auditor"));
        assertThat(overdue.path("handoffs").findValuesAsText("referral"))
                .containsExactlyInAnyOrder(late.toString(), unanswered.toString());
        assertThat(trail(late.toString(), credentials.basic("auditor"))
                        .path("handoffs")
                        .get(0)
                        .path("met")
                        .asBoolean(true))
                .isFalse();
        assertThat(trail(inTime.toString(), credentials.basic("auditor"))
                        .path("handoffs")
                        .get(0)
                        .path("met")
                        .asBoolean())
                .isTrue();
        JsonNode paged = search("agreement=it-overdue&size=2", credentials.basic("auditor"));
        assertThat(paged.path("handoffs")).hasSize(2);
        assertThat(paged.path("more").asBoolean()).isTrue();
        assertThat(search("agreement=it-overdue&size=2&page=1", credentials.basic("auditor"))
                        .path("handoffs"))
                .hasSize(1);
    }

    private static id.lintas.hub.audit.AuditEvent answer(java.util.UUID referral, java.time.Instant at) {
        return id.lintas.hub.audit.AuditEvent.of(id.lintas.hub.audit.AuditKind.STATUS_CHANGED)
                .at(at)
                .withActor("ppu", "ppu", "PARTICIPANT")
                .withReferral(referral)
                .withParties("kukar", "ppu")
                .withOutcome("ACCEPTED");
    }

    private JsonNode awaitTrail(String id, String deliveryOutcome) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(outcomes(trail(id, credentials.basic("auditor")), "DELIVERY_ATTEMPTED"))
                        .contains(deliveryOutcome));
        return trail(id, credentials.basic("auditor"));
    }

    private JsonNode trail(String id, String authorization) {
        context.getBean(AuditSequencer.class).seal();
        ResponseEntity<String> answer = http.exchange(
                "/api/v1/audit/referrals/" + id + "/trail", HttpMethod.GET, as(authorization), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return Samples.json(answer.getBody());
    }

    private String fhirTrail(String id, String authorization) {
        ResponseEntity<String> answer = http.exchange(
                "/api/v1/audit/referrals/" + id + "/trail?format=fhir",
                HttpMethod.GET,
                as(authorization),
                String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        return answer.getBody();
    }

    private JsonNode search(String query, String authorization) {
        context.getBean(AuditSequencer.class).seal();
        ResponseEntity<String> answer =
                http.exchange("/api/v1/audit/referrals?" + query, HttpMethod.GET, as(authorization), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return Samples.json(answer.getBody());
    }

    private static List<String> kinds(JsonNode trail) {
        List<String> kinds = new ArrayList<>();
        trail.path("events").forEach(step -> kinds.add(step.path("kind").asText()));
        return kinds;
    }

    private static List<JsonNode> steps(JsonNode trail, String kind) {
        List<JsonNode> steps = new ArrayList<>();
        trail.path("events").forEach(step -> {
            if (kind.equals(step.path("kind").asText())) {
                steps.add(step);
            }
        });
        return steps;
    }

    private static List<String> outcomes(JsonNode trail, String kind) {
        return steps(trail, kind).stream()
                .map(step -> step.path("outcome").asText())
                .toList();
    }

    /** The victims' names, NIKs and phone numbers as the sender's copy holds them: none may appear in an audit answer. */
    private static void assertNoVictimData(String senderCopy, String answer) {
        Bundle canonical = FHIR.newJsonParser()
                .parseResource(
                        Bundle.class, Samples.json(senderCopy).path("canonical").toString());
        Set<String> identifying = new HashSet<>();
        canonical.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.Patient.class::isInstance)
                .map(org.hl7.fhir.r4.model.Patient.class::cast)
                .forEach(patient -> {
                    patient.getName().forEach(name -> {
                        if (name.hasText()) {
                            identifying.add(name.getText());
                        }
                        name.getGiven().forEach(given -> identifying.add(given.getValue()));
                        if (name.hasFamily()) {
                            identifying.add(name.getFamily());
                        }
                    });
                    patient.getIdentifier().forEach(identifier -> identifying.add(identifier.getValue()));
                    patient.getTelecom().forEach(telecom -> identifying.add(telecom.getValue()));
                });
        identifying.removeIf(value -> value == null || value.length() < 4);
        assertThat(identifying).as("the sample has victims' data to look for").isNotEmpty();
        for (String value : identifying) {
            assertThat(answer).as("no victim's data in an audit answer").doesNotContain(value);
        }
    }

    /**
     * Base FHIR R4 by HAPI's validator, and what BALP 1.1 requires of each pattern the export claims (the
     * BALP StructureDefinitions are not shipped: see docs/audit.md, "FHIR export").
     */
    private static void assertValidBalp(String json) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
        // Without the BALP profiles loaded, validate against base R4: the claimed profiles are checked below.
        bundle.getEntry()
                .forEach(entry -> entry.getResource().getMeta().getProfile().clear());
        List<String> errors = validator.validateWithResult(bundle).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString)
                .toList();
        assertThat(errors).as("base R4").isEmpty();
        Bundle claimed = FHIR.newJsonParser().parseResource(Bundle.class, json);
        Set<String> patterns = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : claimed.getEntry()) {
            AuditEvent event = (AuditEvent) entry.getResource();
            assertThat(event.hasRecorded()
                            && event.hasOutcome()
                            && event.getSource().hasObserver())
                    .isTrue();
            String profile = event.getMeta().getProfile().isEmpty()
                    ? ""
                    : event.getMeta().getProfile().get(0).getValue();
            patterns.add(profile.substring(profile.lastIndexOf('/') + 1));
            if (profile.endsWith("PrivacyDisclosure.Source") || profile.endsWith("PrivacyDisclosure.Recipient")) {
                boolean source = profile.endsWith("Source");
                assertThat(code(event.getType())).isEqualTo(BALP_DCM + (source ? "110106" : "110107"));
                assertThat(event.getAction())
                        .isEqualTo(source ? AuditEvent.AuditEventAction.R : AuditEvent.AuditEventAction.C);
                assertThat(event.getSubtype())
                        .extracting(AuditTrailIT::code)
                        .contains("http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle|disclose");
                AuditEvent.AuditEventAgentComponent from = agent(event, "110153");
                AuditEvent.AuditEventAgentComponent to = agent(event, "110152");
                assertThat(from.hasWho() && from.hasNetwork() && to.hasWho() && to.hasNetwork())
                        .isTrue();
                // val-audit-source: the agent on the hub's side is the audit source's observer.
                assertThat((source ? from : to)
                                .getWho()
                                .equalsDeep(event.getSource().getObserver()))
                        .isTrue();
                assertThat(event.getEntity()).hasSizeGreaterThanOrEqualTo(2).anySatisfy(patient -> {
                    assertThat(code(patient.getType()))
                            .isEqualTo("http://terminology.hl7.org/CodeSystem/audit-entity-type|1");
                    assertThat(code(patient.getRole()))
                            .isEqualTo("http://terminology.hl7.org/CodeSystem/object-role|1");
                    assertThat(patient.getWhat().getType()).isEqualTo("Patient");
                });
            } else if (profile.endsWith("IHE.BasicAudit.Read") || profile.endsWith("IHE.BasicAudit.Create")) {
                boolean read = profile.endsWith("Read");
                assertThat(code(event.getType()))
                        .isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type|rest");
                assertThat(event.getSubtype())
                        .extracting(AuditTrailIT::code)
                        .contains("http://hl7.org/fhir/restful-interaction|" + (read ? "read" : "create"));
                assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
                AuditEvent.AuditEventAgentComponent client = agent(event, read ? "110152" : "110153");
                AuditEvent.AuditEventAgentComponent server = agent(event, read ? "110153" : "110152");
                assertThat(client.hasWho() && client.hasNetwork() && server.hasWho() && server.hasNetwork())
                        .isTrue();
                assertThat(event.getEntity()).anySatisfy(data -> {
                    assertThat(code(data.getType()))
                            .isEqualTo("http://terminology.hl7.org/CodeSystem/audit-entity-type|2");
                    assertThat(data.getRole().getCode()).isIn("3", "4", "20");
                    assertThat(data.hasWhat()).isTrue();
                });
            }
        }
        assertThat(patterns)
                .contains(
                        "IHE.BasicAudit.PrivacyDisclosure.Recipient",
                        "IHE.BasicAudit.PrivacyDisclosure.Source",
                        "IHE.BasicAudit.Read");
    }

    private static final String BALP_DCM = "http://dicom.nema.org/resources/ontology/DCM|";

    private static AuditEvent.AuditEventAgentComponent agent(AuditEvent event, String dcm) {
        return event.getAgent().stream()
                .filter(a -> a.getType().getCoding().stream().anyMatch(c -> dcm.equals(c.getCode())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no agent of type " + dcm));
    }

    private static String code(Coding coding) {
        return coding.getSystem() + "|" + coding.getCode();
    }

    private static String code(org.hl7.fhir.r4.model.CodeableConcept concept) {
        return code(concept.getCodingFirstRep());
    }

    /** The export of the first flow, for checking against the BALP StructureDefinitions outside the build. */
    private static void writeExport(String fhir) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "audit-trail-export.json"), fhir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpEntity<Void> as(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return new HttpEntity<>(headers);
    }

    private static HttpHeaders json(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
