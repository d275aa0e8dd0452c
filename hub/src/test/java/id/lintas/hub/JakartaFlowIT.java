package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Jakarta's FHIR messaging through the hub, and the hub's transactions on Jakarta's (real HAPI) server. */
class JakartaFlowIT extends HubIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private ResponseEntity<String> postJakarta(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/fhir+json"));
        return http.postForEntity("/fhir/$process-message", new HttpEntity<>(json, headers), String.class);
    }

    private static String hubId(ResponseEntity<String> answer) {
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, answer.getBody());
        Task task = (Task) response.getEntry().get(1).getResource();
        return task.getIdentifierFirstRep().getValue();
    }

    /** A test agreement: Jakarta and Kukar, women and children, both ways (not one of the README's three). */
    static ObjectNode jakartaKukarAgreement() {
        ObjectNode document =
                (ObjectNode) AgreementFixtures.example("pks-kukar-ppu-2024").deepCopy();
        document.put("id", "it-jakarta-kukar");
        ArrayNode parties = document.putArray("parties");
        parties.addObject().put("participant", "jakarta").put("region", "31");
        parties.addObject().put("participant", "kukar").put("region", "64.02");
        return document;
    }

    @Test
    void jakartaMessageReachesKukarAsJsonAndKukarsAnswerReturnsAsAFhirMessage() {
        agreements.activate(jakartaKukarAgreement());
        String message = sample("jakarta-fhir", "message-rujukan-baru-kukar.json");

        ResponseEntity<String> answer = postJakarta(message);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        String id = hubId(answer);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !kukarReferralsFor(id).isEmpty());

        String accepted = sample("kukar-json", "status-accepted.json").replace("<the hub's referral id>", id);
        assertThat(postKukar("status", accepted).getStatusCode().is2xxSuccessful())
                .isTrue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(JAKARTA.messages()).anySatisfy(m -> {
                    MessageHeader header = (MessageHeader) m.getEntryFirstRep().getResource();
                    assertThat(header.getEventCoding().getCode()).isEqualTo("status-rujukan");
                    assertThat(FHIR.newJsonParser().encodeResourceToString(m))
                            .contains(id)
                            .contains("accepted");
                }));
    }

    @Test
    void prabumulihTppoReferralIsATransactionOnJakartasServerThatCanBeReadBack() {
        agreements.activate(AgreementFixtures.example("tppo-repatriation-2025"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        String xml = sample("prabumulih-xml", "kasus-tppo-jakarta.xml").replace("PBM-SL-", "PBM-JKT-");
        String id = Samples.json(http.postForEntity(
                                "/api/v1/participants/prabumulih/referrals",
                                new HttpEntity<>(xml, headers),
                                String.class)
                        .getBody())
                .path("referralId")
                .asText();

        IGenericClient client = FHIR.newRestfulGenericClient(JAKARTA.baseUrl());
        // The test server's search returns every Task: pick ours by the hub's id.
        java.util.function.Supplier<java.util.Optional<Task>> ours =
                () -> client.search().forResource(Task.class).returnBundle(Bundle.class).execute().getEntry().stream()
                        .map(e -> (Task) e.getResource())
                        .filter(t -> t.getIdentifier().stream()
                                .anyMatch(i -> "urn:lintas:referral".equals(i.getSystem()) && id.equals(i.getValue())))
                        .findFirst();
        await().atMost(Duration.ofSeconds(30)).until(() -> ours.get().isPresent());
        Task task = client.read()
                .resource(Task.class)
                .withId(ours.get().orElseThrow().getIdElement().getIdPart())
                .execute();
        Patient patient = client.read()
                .resource(Patient.class)
                .withId(task.getFor().getReferenceElement().getIdPart())
                .execute();
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.kemkes.go.id/id/nik");

        // Jakarta accepts: Prabumulih hears it in its own XML.
        String status = sample("jakarta-fhir", "message-status-diterima.json").replace("(the hub's referral id)", id);
        assertThat(postJakarta(status).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(PRABUMULIH.getAllServeEvents())
                        .anySatisfy(e -> assertThat(e.getRequest().getBodyAsString())
                                .contains(id)
                                .contains("DITERIMA")));
    }

    @Test
    void invalidMessagesAreAnsweredWithAnOperationOutcomePointingAtTheElement() {
        ResponseEntity<String> gender = postJakarta(sample("jakarta-fhir", "invalid-patient-gender.json"));
        assertThat(gender.getStatusCode().value()).isEqualTo(400);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, gender.getBody());
        assertThat(outcome.getIssue())
                .anySatisfy(i -> assertThat(i.getExpression().get(0).getValue()).isEqualTo("Patient.gender"));

        ResponseEntity<String> collection = postJakarta(sample("jakarta-fhir", "invalid-not-a-message.json"));
        assertThat(collection.getStatusCode().value()).isEqualTo(400);
        assertThat(FHIR.newJsonParser()
                        .parseResource(OperationOutcome.class, collection.getBody())
                        .getIssueFirstRep()
                        .getExpression()
                        .get(0)
                        .getValue())
                .isEqualTo("Bundle.type");
    }

    @Test
    void jakartasOwnMessageIsExplainedNativelyWithoutBeingStored() {
        agreements.activate(jakartaKukarAgreement());
        int referralsBefore =
                jdbc.sql("select count(*) from referral").query(Integer.class).single();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> answer = http.postForEntity(
                "/api/v1/routing/explain?sender=jakarta&native=true",
                new HttpEntity<>(sample("jakarta-fhir", "message-rujukan-baru-kukar.json"), headers),
                String.class);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        var explained = Samples.json(answer.getBody());
        assertThat(explained.path("sender").asText()).isEqualTo("jakarta");
        assertThat(explained.path("routed").asBoolean()).as(answer.getBody()).isTrue();
        assertThat(explained.path("routes").findValuesAsText("participant")).contains("kukar");
        assertThat(explained.path("routes").findValuesAsText("agreement")).contains("it-jakarta-kukar");
        assertThat(jdbc.sql("select count(*) from referral")
                        .query(Integer.class)
                        .single())
                .isEqualTo(referralsBefore);

        ResponseEntity<String> status = http.postForEntity(
                "/api/v1/routing/explain?sender=jakarta&native=true",
                new HttpEntity<>(sample("jakarta-fhir", "message-status-diterima.json"), headers),
                String.class);
        assertThat(status.getStatusCode().value()).isEqualTo(400);
        assertThat(Samples.json(status.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("MessageHeader.event");
    }
}
