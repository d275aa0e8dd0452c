package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import id.lintas.hub.delivery.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

/** Kukar's server down, flaky or refusing: each delivery ends delivered once, dead-lettered, or failed. */
class ReliableDeliveryIT extends HubIntegrationTest {

    @Autowired
    JmsTemplate jms;

    @Test
    void transientFailuresAreRetriedUntilDeliveredExactlyOnce() {
        String caseNumber = "PPU/UPTD/2025/117-R1";
        KUKAR.stubFor(referralOf(caseNumber)
                .inScenario(caseNumber)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        KUKAR.stubFor(referralOf(caseNumber)
                .inScenario(caseNumber)
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        KUKAR.stubFor(referralOf(caseNumber)
                .inScenario(caseNumber)
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));

        String id = dropPpuReferral("-R1", "RUJUKAN_20250801_0900.csv");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryState(id).equals(DeliveryRecord.DELIVERED));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> attemptsAtKukar(caseNumber) == 3);
        JsonNode delivery = referralView(id).get("deliveries").get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(referralView(id).get("history").findValuesAsText("type")).containsOnlyOnce("DELIVERED");
    }

    @Test
    void deliveryThatKeepsFailingIsDeadLetteredAndCanBeRetried() {
        String caseNumber = "PPU/UPTD/2025/117-R2";
        KUKAR.stubFor(referralOf(caseNumber).willReturn(aResponse().withStatus(503)));

        String id = dropPpuReferral("-R2", "RUJUKAN_20250801_1000.csv");

        await().atMost(Duration.ofSeconds(40)).until(() -> deliveryState(id).equals(DeliveryRecord.DEAD));
        assertThat(attemptsAtKukar(caseNumber)).isEqualTo(4);
        String deliveryId =
                referralView(id).get("deliveries").get(0).get("deliveryId").asText();
        // The hub decided it is dead: the broker does not try it again.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> attemptsAtKukar(caseNumber) == 4);
        JsonNode dead = Samples.json(http.getForObject("/api/v1/deliveries?state=DEAD", String.class));
        assertThat(dead.findValuesAsText("deliveryId")).contains(deliveryId);
        assertThat(referralView(id).get("history").findValuesAsText("type")).contains("DEAD_LETTER");

        KUKAR.stubFor(referralOf(caseNumber).willReturn(aResponse().withStatus(201)));
        ResponseEntity<String> retry =
                http.postForEntity("/api/v1/deliveries/" + deliveryId + "/retry", null, String.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryState(id).equals(DeliveryRecord.DELIVERED));
        assertThat(attemptsAtKukar(caseNumber)).isEqualTo(5);
    }

    @Test
    void aMessageTheBrokerDeadLettersIsRecordedDeadAndNotSentAgain() {
        String caseNumber = "PPU/UPTD/2025/117-R4";
        KUKAR.stubFor(referralOf(caseNumber).willReturn(aResponse().withStatus(503)));
        String id = dropPpuReferral("-R4", "RUJUKAN_20250801_1200.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsAtKukar(caseNumber) >= 1);
        String deliveryId =
                referralView(id).get("deliveries").get(0).get("deliveryId").asText();

        // As the broker does when a message exceeds its own attempt limit (say, while its hub was down).
        jms.convertAndSend(Endpoints.DELIVERY_DLQ_NAME, deliveryId);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryState(id).equals(DeliveryRecord.DEAD));
        assertThat(referralView(id).get("history").findValuesAsText("type")).contains("DEAD_LETTER");
        int attempts = attemptsAtKukar(caseNumber);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> attemptsAtKukar(caseNumber) == attempts);
        assertThat(deadLettered()).as("the dead-letter queue was read").doesNotContain(deliveryId);
    }

    @Test
    void contentRefusedByKukarFailsAtOnceWithoutRetrying() {
        String caseNumber = "PPU/UPTD/2025/117-R3";
        KUKAR.stubFor(referralOf(caseNumber)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"pesan\": \"kode layanan tidak dikenal\"}")));

        String id = dropPpuReferral("-R3", "RUJUKAN_20250801_1100.csv");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryState(id).equals(DeliveryRecord.FAILED));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> attemptsAtKukar(caseNumber) == 1);
        assertThat(referralView(id).get("deliveries").get(0).get("lastError").asText())
                .contains("422");
        assertThat(referralView(id).get("history").findValuesAsText("type")).contains("DELIVERY_FAILED");
    }

    private static MappingBuilder referralOf(String caseNumber) {
        return post(urlPathEqualTo(KukarStubs.REFERRALS))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.no_registrasi", equalTo(caseNumber)));
    }

    /** Drops PPU's sample with unique case numbers; returns the hub id of its first case (bound to Kukar). */
    private String dropPpuReferral(String suffix, String fileName) {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), suffix);
        drop("ppu", fileName, csv.getBytes(StandardCharsets.UTF_8));
        String receipt = read(awaitOutboxFile("ppu", "HASIL_" + fileName.replace(".csv", "")));
        return Samples.csvRows(receipt).get(0).get("ID Rujukan Hub");
    }

    private static int attemptsAtKukar(String caseNumber) {
        return KUKAR.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))
                        .withRequestBody(matchingJsonPath("$.no_registrasi", equalTo(caseNumber))))
                .size();
    }

    private String deliveryState(String referralId) {
        return jdbc.sql("select state from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                .param(referralId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private JsonNode referralView(String referralId) {
        return Samples.json(http.getForObject("/api/v1/referrals/" + referralId, String.class));
    }

    private List<String> deadLettered() {
        return jms.browse(id.lintas.hub.Endpoints.DELIVERY_DLQ_NAME, (session, browser) -> {
            List<String> bodies = new java.util.ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                bodies.add(((jakarta.jms.TextMessage) message).getText());
            }
            return bodies;
        });
    }
}
