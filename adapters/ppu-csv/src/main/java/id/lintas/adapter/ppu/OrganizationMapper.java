package id.lintas.adapter.ppu;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** The sending organisation, keyed on the participant id (names change; ids do not). */
final class OrganizationMapper {

    Organization toOrganization(Participant sender, Region region) {
        Organization organization = new Organization();
        organization.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(sender.id()));
        if (sender.organisationName() != null) {
            organization.setName(sender.organisationName());
        }
        if (region != null) {
            organization.addAddress().addExtension(Fhir.administrativeCode(region));
        }
        return organization;
    }
}
