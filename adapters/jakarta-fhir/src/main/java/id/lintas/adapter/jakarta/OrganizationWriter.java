package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** Organizations as Jakarta identifies them: by Kemendagri region code without dots, and by the hub's participant id. */
final class OrganizationWriter {

    private final RegionTable regions;

    OrganizationWriter(RegionTable regions) {
        this.regions = regions;
    }

    void write(Outbound out, Organization source) {
        Organization organization = new Organization();
        String participant = source.getIdentifier().stream()
                .filter(id -> Canonical.SID_PARTICIPANT.equals(id.getSystem()) && id.hasValue())
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
        Optional<String> region = source.getAddress().stream()
                .map(AdministrativeCode::mostPrecise)
                .flatMap(Optional::stream)
                .findFirst();
        if (region.isEmpty() && participant != null) {
            if (participant.equals(out.receiver().id())) {
                region = Optional.ofNullable(Fhir.compact(regions, out.errors(), out.receiver().regionKemendagri(), "Organization.identifier"));
            } else if (participant.equals(out.referral().sender().id())) {
                region = Optional.ofNullable(Fhir.compact(regions, out.errors(), out.referral().sender().regionKemendagri(), "Organization.identifier"));
            }
        }
        region.ifPresent(code -> organization.addIdentifier(
                new Identifier().setSystem(JakartaFhir.SID_KODE_WILAYAH).setValue(code)));
        if (participant != null) {
            organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(participant));
        }
        if (source.hasName()) {
            organization.setName(source.getName());
        }
        out.transaction().post(out.url(source), organization);
    }

    /** Jakarta itself, when the hub has not routed the referral to an owner in the canonical Bundle. */
    void writeReceiver(Outbound out, String url) {
        Participant receiver = out.receiver();
        Organization organization = new Organization();
        String region = Fhir.compact(regions, out.errors(), receiver.regionKemendagri(), "Task.owner");
        if (region != null) {
            organization.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_KODE_WILAYAH).setValue(region));
        }
        organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(receiver.id()));
        if (receiver.organisationName() != null) {
            organization.setName(receiver.organisationName());
        }
        out.transaction().post(url, organization);
    }
}
