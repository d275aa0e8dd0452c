package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Referral;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/** {@code <persetujuan>}: the consent of the case, which holds for every victim. */
final class ConsentMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.PERSETUJUAN);

    private ConsentMapper() {}

    /**
     * Prabumulih records the answer to a request for consent and has no field for another lawful
     * basis, so the basis of an inbound case is always consent.
     */
    static Consent read(Element root, FieldReader in) {
        Element consent = in.element(root, TaskMapper.ROOT, PrabumulihFields.PERSETUJUAN, REQUIRED);
        if (consent == null) {
            return null;
        }
        Boolean share = in.bool(
                in.attribute(consent, AT, PrabumulihFields.DIBERIKAN, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.DIBERIKAN));
        Coding giver = in.code(
                in.attribute(consent, AT, PrabumulihFields.OLEH, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.OLEH),
                PrabumulihFields.LIST_PERSETUJUAN_OLEH);
        LocalDate date = in.date(
                in.attribute(consent, AT, PrabumulihFields.TANGGAL, REQUIRED),
                FieldReader.attributePath(AT, PrabumulihFields.TANGGAL));
        if (share == null || giver == null || date == null) {
            return null;
        }
        return new Consent(
                share,
                Consent.CONSENT,
                Consent.VICTIM.equals(giver.getCode()) ? null : giver.getCode(),
                PartialDateTime.of(date));
    }

    /**
     * Prabumulih's {@code persetujuan}, from the first victim's consent; nothing when there is none.
     * Prabumulih has no field for the lawful basis: a consent under a legal obligation is written as
     * the permit or refusal it records, and the basis stays with the hub.
     */
    static void write(Referral referral, RenderContext out, Element kasus) {
        Consent consent = RenderContext.consent(referral);
        if (consent == null) {
            return;
        }
        Element element = XmlDocuments.add(kasus, PrabumulihFields.PERSETUJUAN);
        XmlDocuments.attribute(element, PrabumulihFields.DIBERIKAN, String.valueOf(consent.permits()));
        XmlDocuments.attribute(
                element,
                PrabumulihFields.OLEH,
                out.code(
                        PrabumulihFields.LIST_PERSETUJUAN_OLEH,
                        Canonical.CS_CONSENT_GIVER,
                        consent.giverOrVictim(),
                        FieldReader.attributePath(AT, PrabumulihFields.OLEH)));
        if (consent.date() != null) {
            XmlDocuments.attribute(
                    element,
                    PrabumulihFields.TANGGAL,
                    PrabumulihFormats.date(
                            out, consent.date(), FieldReader.attributePath(AT, PrabumulihFields.TANGGAL)));
        }
    }
}
