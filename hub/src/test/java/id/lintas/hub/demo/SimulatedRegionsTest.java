package id.lintas.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.hub.participant.AdapterRegistry;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantProperties;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedRegionsTest {

    @Test
    void theSimulatedRegionsAreServedWithNagleOff() {
        ParticipantDirectory participants = new ParticipantDirectory(
                new ParticipantProperties(Map.of(
                        "kukar",
                        new ParticipantProperties.Settings(
                                "Kukar", "64.02", "kukar-json", null, ZoneId.of("Asia/Makassar")))),
                new AdapterRegistry());
        SimulatedRegions regions = new SimulatedRegions(participants);
        try {
            assertThat(participants.endpoint("kukar")).isPresent();
            // What the JDK's HTTP server reads when the JVM's first server is made.
            assertThat(System.getProperty(SimulatedRegions.NODELAY)).isEqualTo("true");
        } finally {
            regions.destroy();
        }
    }
}
