package id.lintas.adapter.prabumulih;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.Participant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.w3c.dom.Element;

/** The sending organisation: a canonical {@code Organization} keyed on the participant id, and Prabumulih's {@code <asal>}. */
final class OrganizationMapper {

    private OrganizationMapper() {}

    static Organization sender(Participant sender, Optional<Region> region) {
        Organization organization = new Organization();
        organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(sender.id()));
        if (sender.organisationName() != null) {
            organization.setName(sender.organisationName());
        }
        region.ifPresent(r -> organization.addAddress().addExtension(Fhir.administrativeCode(r, null)));
        return organization;
    }

    /** The region an organisation's address names, if any. */
    static Optional<Region> region(Organization organization, RegionTable regions) {
        return organization.getAddress().stream()
                .map(address -> Fhir.administrativeRegion(address, regions))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Prabumulih's {@code <asal>}: the sending region without dots and the sending organisation's name. */
    static void writeOrigin(Participant sender, RenderContext out, Element kasus) {
        Element origin = XmlDocuments.add(kasus, PrabumulihFields.ASAL);
        Optional<Region> region = out.regions().byKemendagri(sender.regionKemendagri());
        if (region.isPresent()) {
            XmlDocuments.attribute(origin, PrabumulihFields.KOTKAB, region.get().kemendagriCompact());
        } else {
            out.error(FieldReader.attributePath(FieldReader.path(TaskMapper.ROOT, PrabumulihFields.ASAL), PrabumulihFields.KOTKAB),
                    "unknown Kemendagri region '" + sender.regionKemendagri() + "'");
        }
        XmlDocuments.attribute(origin, PrabumulihFields.INSTANSI, sender.organisationName());
    }
}
