package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.TranslationException;
import org.w3c.dom.Element;

/**
 * The typed referral to the {@code <kasus>} Prabumulih receives on
 * {@code /satulayanan/api/v2/rujukan}. The hub has already removed what the agreement does not let
 * Prabumulih see, so whatever the referral lacks is left out of the XML: never sent empty, never
 * filled in. The document is checked against the schema before it leaves: what Prabumulih's
 * format requires and the referral cannot give is a {@link TranslationException} naming the element.
 */
final class ReferralWriter {

    private ReferralWriter() {}

    static OutboundDocument write(OutboundReferral outbound, RenderContext out) throws TranslationException {
        Referral referral = outbound.referral();

        // Elements are appended in the order of the schema's sequence.
        Element kasus = XmlDocuments.newDocument(PrabumulihFields.KASUS);
        TaskMapper.writeAttributes(referral, outbound.hubReferralId(), kasus);
        XmlDocuments.addText(kasus, PrabumulihFields.ID_RUJUKAN_HUB, outbound.hubReferralId());
        OrganizationMapper.writeOrigin(outbound.sender(), out, kasus);
        TaskMapper.writeHeader(referral, kasus, out);
        XmlDocuments.addText(kasus, PrabumulihFields.KATEGORI_KASUS, CaseCategory.derive(referral, out.zone()));
        String victimsAt = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN);
        for (int i = 0; i < referral.victims().size(); i++) {
            VictimMapper.write(referral.victims().get(i), FieldReader.index(victimsAt, i), out, kasus);
        }
        PerpetratorMapper.write(referral, out, kasus);
        ViolenceMapper.write(referral, out, kasus);
        ServiceRequestMapper.write(referral, out, kasus);
        TaskMapper.writeReferral(referral, kasus, out);
        ConsentMapper.write(referral, out, kasus);
        OfficerMapper.write(referral, outbound.sender().organisationName(), kasus);

        out.throwIfErrors();
        XmlDocuments.requireValid(kasus.getOwnerDocument());
        return new OutboundDocument(
                PrabumulihFields.PATH_REFERRAL,
                PrabumulihFields.MEDIA_TYPE,
                XmlDocuments.bytes(kasus.getOwnerDocument()));
    }
}
