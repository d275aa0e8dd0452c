package id.lintas.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import id.lintas.hub.participant.AdapterRegistry;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The demo's simulated regions: real HTTP on the loopback, answering as the regions do, with no API of their own. */
class SimulatedRegionsIT {

    private final ParticipantDirectory participants = new ParticipantDirectory(
            new ParticipantProperties(Map.of(
                    "kukar",
                            new ParticipantProperties.Settings(
                                    "Kukar", "64.02", "kukar-json", null, ZoneId.of("Asia/Makassar")),
                    "jakarta",
                            new ParticipantProperties.Settings(
                                    "Jakarta", "31", "jakarta-fhir", null, ZoneId.of("Asia/Jakarta")))),
            new AdapterRegistry());
    private final SimulatedRegions regions = new SimulatedRegions(participants);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        regions.destroy();
    }

    @Test
    void theSimulatorHasNoApiThatShowsWhatItReceivedOrChangesItsAnswers() throws Exception {
        for (String participant : List.of("kukar", "jakarta")) {
            URI base = participants.endpoint(participant).orElseThrow();
            post(base.resolve("/api/rujukan-masuk"), "{\"nama\":\"Rina Marlina\"}");

            // WireMock's admin API, which the demo's simulators once carried (closed), and any other way in.
            HttpResponse<String> journal = get(base.resolve("/__admin/requests"));
            post(
                    base.resolve("/__admin/mappings"),
                    "{\"request\":{\"method\":\"POST\"},\"response\":{\"status\":500}}");

            assertThat(journal.statusCode()).as(participant).isEqualTo(404);
            assertThat(journal.body()).as(participant).doesNotContain("Rina Marlina");
            assertThat(post(base.resolve("/api/rujukan-masuk"), "{}").statusCode())
                    .as(participant)
                    .isBetween(200, 201);
        }
    }

    @Test
    void answersAsTheRegionsOwnSystemAndKeepsWhatItReceivedInOrder() throws Exception {
        URI base = participants.endpoint("kukar").orElseThrow();
        assertThat(base.getHost()).isEqualTo("127.0.0.1");

        HttpResponse<String> referral =
                post(base.resolve("/api/rujukan-masuk"), "{\"no_registrasi\":\"KKR/2025/0412\"}");
        HttpResponse<String> status =
                post(base.resolve("/api/rujukan/KKR-2025-0412/status"), "{\"status\":\"diterima\"}");
        HttpResponse<String> other = post(base.resolve("/elsewhere?x=1"), "{}");
        HttpResponse<String> read = get(base.resolve("/api/rujukan-masuk"));

        assertThat(referral.statusCode()).isEqualTo(201);
        assertThat(referral.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(referral.body()).contains("diterima (simulasi)");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(404);
        List<SimulatedRegions.Received> received = regions.received("kukar").orElseThrow();
        assertThat(received)
                .extracting(SimulatedRegions.Received::path)
                .containsExactly(
                        "/api/rujukan-masuk",
                        "/api/rujukan/KKR-2025-0412/status",
                        "/elsewhere?x=1",
                        "/api/rujukan-masuk");
        assertThat(received.get(0).body()).isEqualTo("{\"no_registrasi\":\"KKR/2025/0412\"}");
        assertThat(received.get(0).contentType()).isEqualTo("application/json");
        assertThat(received.get(3).contentType()).isNull();
        assertThat(received.get(0).receivedAt()).isNotNull();
        assertThat(regions.received("ppu")).isEmpty();
    }

    @Test
    void aSimulatedFhirServerDescribesItselfAndWhatItReceivedCanBeListed() throws Exception {
        URI base = participants.endpoint("jakarta").orElseThrow();

        HttpResponse<String> metadata = get(base.resolve("/metadata"));
        post(base.resolve("/"), "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}");
        ResponseEntity<List<SimulatedRegions.Received>> received =
                new SimulatedRegionController(regions).received("jakarta");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("CapabilityStatement");
        assertThat(received.getStatusCode().value()).isEqualTo(200);
        assertThat(received.getBody())
                .extracting(SimulatedRegions.Received::method)
                .containsExactly("GET", "POST");
    }

    @Test
    void aFhirClientDeliversTransactionsAndMessagesToTheSimulatedServer() {
        URI base = participants.endpoint("jakarta").orElseThrow();
        // HAPI's generic client, the one camel-fhir delivers with: it reads /metadata first, then posts.
        IGenericClient fhir = FhirContext.forR4Cached().newRestfulGenericClient(base.toString());
        Bundle message = new Bundle().setType(Bundle.BundleType.MESSAGE);

        String transaction = fhir.transaction()
                .withBundle("{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}")
                .execute();
        Bundle answer = fhir.operation()
                .processMessage()
                .setMessageBundle(message)
                .synchronous(Bundle.class)
                .execute();

        assertThat(transaction).contains("transaction-response");
        assertThat(answer).isNotNull();
        assertThat(regions.received("jakarta").orElseThrow())
                .extracting(SimulatedRegions.Received::method)
                .containsSubsequence("GET", "POST", "POST");
        assertThat(regions.received("jakarta").orElseThrow())
                .extracting(SimulatedRegions.Received::path)
                .contains("/metadata", "/$process-message?async=false");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
