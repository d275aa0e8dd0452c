package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.mapping.IndonesianNumbers;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.Referral;
import org.w3c.dom.Element;

/**
 * {@code <petugas>}: the sending officer. Its {@code unit} is the sending organisation's service
 * unit, which the model keys on the participant instead.
 */
final class OfficerMapper {

    private static final String AT = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.PETUGAS);

    private OfficerMapper() {}

    static Officer read(Element root, FieldReader in) {
        Element officer = in.element(root, TaskMapper.ROOT, PrabumulihFields.PETUGAS, REQUIRED);
        if (officer == null) {
            return null;
        }
        String nip = in.attribute(officer, AT, PrabumulihFields.NIP, REQUIRED);
        if (nip != null && !IndonesianNumbers.isNip(nip)) {
            in.error(FieldReader.attributePath(AT, PrabumulihFields.NIP), "expected a NIP of 18 digits");
            nip = null;
        }
        String name = in.attribute(officer, AT, PrabumulihFields.NAMA, REQUIRED);
        return new Officer(nip, name, null);
    }

    /** The sending officer, with the sending organisation as the unit; nothing when not to be shown. */
    static void write(Referral referral, String senderOrganisation, Element kasus) {
        Officer officer = referral.officer();
        if (officer == null) {
            return;
        }
        Element element = XmlDocuments.add(kasus, PrabumulihFields.PETUGAS);
        XmlDocuments.attribute(element, PrabumulihFields.NIP, officer.nip());
        XmlDocuments.attribute(element, PrabumulihFields.NAMA, officer.name());
        XmlDocuments.attribute(element, PrabumulihFields.UNIT, senderOrganisation);
    }
}
