package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** Organizations as Jakarta identifies them: by Kemendagri region code without dots, and by the hub's participant id. */
final class OrganizationWriter {

    private final RegionTable regions;

    OrganizationWriter(RegionTable regions) {
        this.regions = regions;
    }

    /** A party of the referral; its region, when the Bundle names none, is the configured participant's. */
    void write(Outbound out, Party party, String url) {
        String region = null;
        if (party.region() != null) {
            region = party.region().kemendagriCompact();
        } else if (party.participantId().equals(out.receiver().id())) {
            region = Fhir.compact(regions, out.errors(), out.receiver().regionKemendagri(), "Organization.identifier");
        } else if (party.participantId().equals(out.outbound().sender().id())) {
            region = Fhir.compact(
                    regions, out.errors(), out.outbound().sender().regionKemendagri(), "Organization.identifier");
        }
        out.transaction().post(url, organization(region, party.participantId(), party.name()));
    }

    /** Jakarta itself, when the hub has not routed the referral to an owner in the canonical Bundle. */
    void writeReceiver(Outbound out, String url) {
        Participant receiver = out.receiver();
        String region = Fhir.compact(regions, out.errors(), receiver.regionKemendagri(), "Task.owner");
        out.transaction().post(url, organization(region, receiver.id(), receiver.organisationName()));
    }

    private static Organization organization(String region, String participant, String name) {
        Organization organization = new Organization();
        if (region != null) {
            organization.addIdentifier(
                    new Identifier().setSystem(JakartaFhir.SID_KODE_WILAYAH).setValue(region));
        }
        organization.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(participant));
        if (name != null) {
            organization.setName(name);
        }
        return organization;
    }
}
