package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.hub.ingest.IntakeProperties;
import id.lintas.hub.ingest.IntakeTurns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Intake is bounded (issue 17): when every turn of intake is taken, a referral over HTTP is answered
 * 503 with {@code Retry-After} and a FHIR message with an OperationOutcome, after a short wait rather
 * than queued without bound, nothing of them is kept, and the receivers' deliveries go on meanwhile.
 */
class IntakeSaturationIT extends HubIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    private IntakeTurns turns;

    @Autowired
    private IntakeProperties properties;

    @Autowired
    private CamelContext camel;

    @Test
    void aSaturatedIntakeAnswers503WithRetryAfterWhileDeliveriesGoOn() throws Exception {
        // A referral accepted before intake fills up; its delivery waits until intake is saturated.
        camel.getRouteController().suspendRoute("delivery-send-ppu");
        ResponseEntity<String> accepted = postKukar("referrals", referral());
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String id = Samples.json(accepted.getBody()).get("referralId").asText();

        List<IntakeTurns.Turn> held = new ArrayList<>();
        try {
            // Every turn taken, as by as many requests still running.
            for (int i = 0; i < properties.maxConcurrent(); i++) {
                held.add(turns.forRequest());
            }
            long kept = keptMessages();
            String refusedCase = "KKR/SAT/" + UUID.randomUUID();

            ResponseEntity<String> refused = postKukar("referrals", referral(refusedCase));
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            JsonNode problem = Samples.json(refused.getBody());
            assertThat(problem.get("type").asText()).endsWith("intake-saturated");
            assertThat(problem.get("detail").asText()).contains("at once").contains("send again after 1 s");

            HttpHeaders fhirHeaders = new HttpHeaders();
            fhirHeaders.setContentType(MediaType.valueOf("application/fhir+json"));
            fhirHeaders.set(HttpHeaders.AUTHORIZATION, credentials.bearer("jakarta"));
            ResponseEntity<String> fhirRefused = http.postForEntity(
                    "/fhir/$process-message",
                    new HttpEntity<>("{\"resourceType\":\"Bundle\",\"type\":\"message\"}", fhirHeaders),
                    String.class);
            assertThat(fhirRefused.getStatusCode().value()).isEqualTo(503);
            assertThat(fhirRefused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("1");
            OperationOutcome outcome =
                    FHIR.newJsonParser().parseResource(OperationOutcome.class, fhirRefused.getBody());
            assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.THROTTLED);
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("at once");

            // Refused before anything was kept: the sender sends again, nothing waits in the hub.
            assertThat(keptMessages()).isEqualTo(kept);
            assertThat(jdbc.sql("select count(*) from referral where source_reference = ?")
                            .param(refusedCase)
                            .query(Integer.class)
                            .single())
                    .isZero();

            // Intake is saturated; the delivery owed to PPU is made all the same.
            camel.getRouteController().resumeRoute("delivery-send-ppu");
            awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "DELIVERED"
                            .equals(jdbc.sql(
                                            "select state from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                                    .param(id)
                                    .query(String.class)
                                    .single()));
        } finally {
            held.forEach(IntakeTurns.Turn::close);
            if (!camel.getRouteController().getRouteStatus("delivery-send-ppu").isStarted()) {
                camel.getRouteController().resumeRoute("delivery-send-ppu");
            }
        }
        // Its turns back, intake takes the referral it refused.
        assertThat(postKukar("referrals", referral()).getStatusCode().value()).isEqualTo(202);
    }

    private static String referral() {
        return referral("KKR/SAT/" + UUID.randomUUID());
    }

    private static String referral(String caseNumber) {
        return sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", caseNumber);
    }

    private long keptMessages() {
        return jdbc.sql("select count(*) from inbound_message")
                .query(Long.class)
                .single();
    }
}
