package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Referral;
import java.util.List;
import org.w3c.dom.Element;

/** {@code <layanan_diminta>}: the services the typed referral requests. */
final class ServiceRequestMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.LAYANAN_DIMINTA);

    private ServiceRequestMapper() {}

    static List<String> read(Element root, FieldReader in) {
        Element requested = in.element(root, TaskMapper.ROOT, PrabumulihFields.LAYANAN_DIMINTA, REQUIRED);
        if (requested == null) {
            return List.of();
        }
        return FieldReader.hubCodes(in.codes(requested, AT, PrabumulihFields.LAYANAN, PrabumulihFields.LIST_LAYANAN));
    }

    /** The requested services in order; nothing when the receiver may see none. */
    static void write(Referral referral, RenderContext out, Element kasus) {
        if (referral.services().isEmpty()) {
            return;
        }
        Element services = XmlDocuments.add(kasus, PrabumulihFields.LAYANAN_DIMINTA);
        for (String code : out.codes(
                PrabumulihFields.LIST_LAYANAN,
                Canonical.CS_SERVICE,
                referral.services(),
                i -> FieldReader.attributePath(
                        FieldReader.index(FieldReader.path(AT, PrabumulihFields.LAYANAN), i), PrabumulihFields.KODE))) {
            XmlDocuments.attribute(XmlDocuments.add(services, PrabumulihFields.LAYANAN), PrabumulihFields.KODE, code);
        }
    }
}
