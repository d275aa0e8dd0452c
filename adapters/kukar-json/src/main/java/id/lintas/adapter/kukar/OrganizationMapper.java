package id.lintas.adapter.kukar;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** The sending organisation as a canonical {@code Organization}, keyed on the participant id. */
final class OrganizationMapper {

    private OrganizationMapper() {}

    static Organization sender(Participant sender, Optional<Region> region) {
        Organization organization = new Organization();
        organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(sender.id()));
        if (sender.organisationName() != null) {
            organization.setName(sender.organisationName());
        }
        region.ifPresent(r -> organization.addAddress().addExtension(Fhir.administrativeCode(r)));
        return organization;
    }

    /** The region an organisation's address names, if any. */
    static Optional<Region> region(Organization organization, RegionTable regions) {
        return organization.getAddress().stream()
                .map(address -> Fhir.administrativeRegion(address, regions))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
