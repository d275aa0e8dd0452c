package id.lintas.hub.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shows what a simulated region received (demo profile only: the bodies hold synthetic victims' data). */
@RestController
@Profile("demo")
class SimulatedRegionController {

    private final SimulatedRegions regions;

    SimulatedRegionController(SimulatedRegions regions) {
        this.regions = regions;
    }

    @GetMapping("/api/v1/demo/participants/{participantId}/received")
    ResponseEntity<List<Map<String, Object>>> received(@PathVariable String participantId) {
        return regions.received(participantId)
                .map(requests -> requests.stream().map(r -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("method", r.getMethod().value());
                    view.put("path", r.getUrl());
                    view.put("receivedAt", r.getLoggedDate().toInstant());
                    // A GET (a FHIR client's /metadata) has no content type: WireMock's absent header has no value.
                    view.put("contentType", r.contentTypeHeader() == null || !r.contentTypeHeader().isPresent()
                            ? null : r.contentTypeHeader().firstValue());
                    view.put("body", new String(r.getBody(), StandardCharsets.UTF_8));
                    return view;
                }).toList())
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
