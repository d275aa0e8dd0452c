package id.lintas.hub.routing;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Writes the routing decision into the canonical referral: the receiver becomes the Task's owner. */
public final class Owners {

    private Owners() {}

    public static void assign(Bundle bundle, Participant receiver) {
        Task task = Bundles.task(bundle);
        Organization organization = Bundles.all(bundle, Organization.class).stream()
                .filter(o -> o.getIdentifier().stream().anyMatch(i ->
                        Canonical.SID_PARTICIPANT.equals(i.getSystem()) && receiver.id().equals(i.getValue())))
                .findFirst()
                .orElse(null);
        Reference reference;
        if (organization != null) {
            reference = new Reference(Bundles.fullUrl(bundle, organization));
        } else {
            reference = Bundles.add(bundle, organisation(receiver));
        }
        task.setOwner(reference);
    }

    /** The canonical Organization of a participant, keyed on its participant id. */
    public static Organization organisation(Participant participant) {
        Organization organization = new Organization();
        organization.addIdentifier().setSystem(Canonical.SID_PARTICIPANT).setValue(participant.id());
        organization.setName(participant.organisationName());
        Region region = RegionTable.standard().byKemendagri(participant.regionKemendagri()).orElseThrow();
        Extension admin = new Extension(Canonical.EXT_ADMINISTRATIVE_CODE);
        String province = RegionTable.standard().byKemendagri(region.province()).orElseThrow().kemendagriCompact();
        admin.addExtension("province", new CodeType(province));
        if (!region.isProvince()) {
            admin.addExtension("city", new CodeType(region.kemendagriCompact()));
        }
        organization.addAddress().addExtension(admin);
        return organization;
    }
}
