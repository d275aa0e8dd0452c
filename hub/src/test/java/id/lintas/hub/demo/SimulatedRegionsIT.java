package id.lintas.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The demo's simulated regions: their admin API is closed, and a FHIR client can start against them. */
class SimulatedRegionsIT {

    private final ParticipantDirectory participants = new ParticipantDirectory(new ParticipantProperties(Map.of(
            "kukar", new ParticipantProperties.Settings("Kukar", "64.02", "kukar-json", null, ZoneId.of("Asia/Makassar")),
            "jakarta", new ParticipantProperties.Settings("Jakarta", "31", "jakarta-fhir", null, ZoneId.of("Asia/Jakarta")))),
            new AdapterRegistry());
    private final SimulatedRegions regions = new SimulatedRegions(participants);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        regions.destroy();
    }

    @Test
    void theSimulatorsAdminApiRefusesEveryCall() throws Exception {
        for (String participant : List.of("kukar", "jakarta")) {
            URI base = participants.endpoint(participant).orElseThrow();
            post(base.resolve("/api/rujukan-masuk"), "{\"nama\":\"Rina Marlina\"}");

            HttpResponse<String> journal = get(base.resolve("/__admin/requests"));
            HttpResponse<String> change = client.send(HttpRequest.newBuilder(base.resolve("/__admin/mappings"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"request\":{\"method\":\"POST\"},\"response\":{\"status\":500}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(journal.statusCode()).as(participant).isEqualTo(401);
            assertThat(journal.body()).as(participant).doesNotContain("Rina Marlina");
            assertThat(change.statusCode()).as(participant).isEqualTo(401);
            assertThat(post(base.resolve("/api/rujukan-masuk"), "{}").statusCode()).as(participant).isBetween(200, 201);
        }
    }

    @Test
    void aSimulatedFhirServerDescribesItselfAndWhatItReceivedCanBeListed() throws Exception {
        URI base = participants.endpoint("jakarta").orElseThrow();

        HttpResponse<String> metadata = get(base.resolve("/metadata"));
        post(base.resolve("/"), "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}");
        ResponseEntity<List<Map<String, Object>>> received = new SimulatedRegionController(regions).received("jakarta");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("CapabilityStatement");
        assertThat(received.getStatusCode().value()).isEqualTo(200);
        assertThat(received.getBody()).extracting(r -> r.get("method")).containsExactly("GET", "POST");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
