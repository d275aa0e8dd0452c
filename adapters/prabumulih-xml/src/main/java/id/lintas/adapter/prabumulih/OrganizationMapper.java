package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import java.util.Optional;
import org.w3c.dom.Element;

/** The sending organisation as Prabumulih's {@code <asal>}. */
final class OrganizationMapper {

    private OrganizationMapper() {}

    /** Prabumulih's {@code <asal>}: the sending region without dots and the sending organisation's name. */
    static void writeOrigin(Participant sender, RenderContext out, Element kasus) {
        Element origin = XmlDocuments.add(kasus, PrabumulihFields.ASAL);
        Optional<Region> region = out.regions().byKemendagri(sender.regionKemendagri());
        if (region.isPresent()) {
            XmlDocuments.attribute(origin, PrabumulihFields.KOTKAB, region.get().kemendagriCompact());
        } else {
            out.error(
                    FieldReader.attributePath(
                            FieldReader.path(TaskMapper.ROOT, PrabumulihFields.ASAL), PrabumulihFields.KOTKAB),
                    "unknown Kemendagri region '" + sender.regionKemendagri() + "'");
        }
        XmlDocuments.attribute(origin, PrabumulihFields.INSTANSI, sender.organisationName());
    }
}
