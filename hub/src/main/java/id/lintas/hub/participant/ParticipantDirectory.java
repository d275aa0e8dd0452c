package id.lintas.hub.participant;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.Transport;
import java.net.URI;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The connected participants with their adapters and endpoints. Checked at start: a participant
 * whose adapter or region is unknown stops the hub rather than failing on its first message.
 */
@Component
public class ParticipantDirectory {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Map<String, Connected> participants = new LinkedHashMap<>();
    private final Map<String, URI> endpointOverrides = new ConcurrentHashMap<>();

    public ParticipantDirectory(ParticipantProperties properties, AdapterRegistry adapters) {
        RegionTable regions = RegionTable.standard();
        properties.participants().forEach((id, settings) -> {
            RegionAdapter adapter = adapters.forFormat(settings.adapter())
                    .orElseThrow(() -> new IllegalStateException(
                            "participant " + id + ": no adapter for format " + settings.adapter()));
            Region region = regions.byKemendagri(settings.region())
                    .orElseThrow(() -> new IllegalStateException(
                            "participant " + id + ": unknown Kemendagri region " + settings.region()));
            ZoneId zone = settings.zone() != null ? settings.zone() : WIB;
            participants.put(id, new Connected(
                    new Participant(id, settings.name(), region.kemendagri(), zone), adapter, settings.endpoint()));
        });
    }

    public Optional<Connected> find(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public Connected get(String participantId) {
        return find(participantId)
                .orElseThrow(() -> new IllegalStateException("unknown participant " + participantId));
    }

    public Collection<Connected> all() {
        return participants.values();
    }

    public List<Connected> withTransport(Transport transport) {
        return participants.values().stream()
                .filter(p -> p.adapter().transport() == transport)
                .toList();
    }

    /** The participants that serve exactly this region. */
    public List<Connected> serving(String kemendagri) {
        return participants.values().stream()
                .filter(p -> p.participant().regionKemendagri().equals(kemendagri))
                .toList();
    }

    /** The endpoint to deliver to: configured, or set at run time (the demo's simulated regions). */
    public Optional<URI> endpoint(String participantId) {
        URI override = endpointOverrides.get(participantId);
        if (override != null) {
            return Optional.of(override);
        }
        return find(participantId).map(Connected::endpoint);
    }

    /** Points a participant without a configured endpoint at a simulated one. */
    public void simulate(String participantId, URI endpoint) {
        endpointOverrides.put(participantId, endpoint);
    }

    /** A participant, its adapter and its configured endpoint (null for file drops). */
    public record Connected(Participant participant, RegionAdapter adapter, URI endpoint) {
        public String id() {
            return participant.id();
        }
    }
}
