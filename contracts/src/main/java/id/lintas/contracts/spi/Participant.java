package id.lintas.contracts.spi;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A region connected to the hub, as an adapter needs to know it.
 *
 * @param id participant id ({@code kukar})
 * @param organisationName the organisation's name, for display only: never a key
 * @param regionKemendagri the region's Kemendagri code, dotted ({@code 64.02})
 * @param zone the zone in which the region writes local times without an offset
 */
public record Participant(String id, String organisationName, String regionKemendagri, ZoneId zone) {
    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regionKemendagri, "regionKemendagri");
        Objects.requireNonNull(zone, "zone");
    }
}
