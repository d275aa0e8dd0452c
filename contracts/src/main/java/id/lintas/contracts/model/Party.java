package id.lintas.contracts.model;

import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import java.util.Objects;

/**
 * A participant of the referral: the sender, or the destination the hub routed it to.
 *
 * @param participantId the participant id ({@code kukar}), the key; never the name
 * @param name the organisation's name, for display only, or null
 * @param region the participant's region, or null when the Bundle names none
 */
public record Party(String participantId, String name, Region region) {

    public Party {
        Objects.requireNonNull(participantId, "participantId");
    }

    /** A configured participant as a party, its region looked up in the standard table. */
    public static Party of(Participant participant) {
        return new Party(
                participant.id(),
                participant.organisationName(),
                RegionTable.standard()
                        .byKemendagri(participant.regionKemendagri())
                        .orElse(null));
    }
}
