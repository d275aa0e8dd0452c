package id.lintas.hub.demo;

import java.util.List;
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
    ResponseEntity<List<SimulatedRegions.Received>> received(@PathVariable String participantId) {
        return regions.received(participantId)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
