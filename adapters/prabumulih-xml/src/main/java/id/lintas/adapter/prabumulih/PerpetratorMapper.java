package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/** {@code <terlapor>}: one perpetrator of the typed referral each. */
final class PerpetratorMapper {

    private static final int MAX_AGE = 130;

    private PerpetratorMapper() {}

    static Perpetrator read(Element terlapor, String at, FieldReader in) {
        Coding relationship =
                in.code(terlapor, at, PrabumulihFields.HUBUNGAN, PrabumulihFields.LIST_HUBUNGAN, REQUIRED);
        String name = in.text(terlapor, at, PrabumulihFields.NAMA, OPTIONAL);
        Coding gender =
                in.code(terlapor, at, PrabumulihFields.JENIS_KELAMIN, PrabumulihFields.LIST_JENIS_KELAMIN, OPTIONAL);
        Integer age = in.integer(terlapor, at, PrabumulihFields.UMUR, OPTIONAL, 0, MAX_AGE);
        return new Perpetrator(
                name, gender == null ? null : Gender.ofCode(gender.getCode()), age, FieldReader.hubCode(relationship));
    }

    /** The perpetrators as {@code <terlapor>} elements of {@code kasus}; none when the receiver may see none. */
    static void write(Referral referral, RenderContext out, Element kasus) {
        String at = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TERLAPOR);
        for (int i = 0; i < referral.perpetrators().size(); i++) {
            write(
                    referral.perpetrators().get(i),
                    FieldReader.index(at, i),
                    out,
                    XmlDocuments.add(kasus, PrabumulihFields.TERLAPOR));
        }
    }

    private static void write(Perpetrator person, String at, RenderContext out, Element terlapor) {
        XmlDocuments.addText(terlapor, PrabumulihFields.NAMA, person.name());
        XmlDocuments.addText(
                terlapor,
                PrabumulihFields.JENIS_KELAMIN,
                out.gender(
                        PrabumulihFields.LIST_JENIS_KELAMIN,
                        person.gender(),
                        FieldReader.path(at, PrabumulihFields.JENIS_KELAMIN)));
        if (person.age() != null) {
            XmlDocuments.addText(terlapor, PrabumulihFields.UMUR, String.valueOf(person.age()));
        }
        // Prabumulih requires the relationship: a perpetrator without one cannot be written.
        Optional<Coding> relationship = Optional.ofNullable(person.relationship())
                .map(code -> new Coding(Canonical.CS_RELATIONSHIP, code, null));
        XmlDocuments.addText(
                terlapor,
                PrabumulihFields.HUBUNGAN,
                out.code(
                        PrabumulihFields.LIST_HUBUNGAN,
                        relationship,
                        Canonical.CS_RELATIONSHIP,
                        FieldReader.path(at, PrabumulihFields.HUBUNGAN)));
    }
}
