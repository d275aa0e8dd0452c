package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.w3c.dom.Element;

/** {@code <terlapor>}: one canonical {@code RelatedPerson} (profile lintas-perpetrator) each. */
final class PerpetratorMapper {

    private static final int MAX_AGE = 130;

    private PerpetratorMapper() {}

    /** Reads one perpetrator; {@code patient} is set by the caller once the first victim is in the bundle. */
    static RelatedPerson read(Element terlapor, String at, FieldReader in, Terminology terminology) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_PERPETRATOR);
        Coding relationship = in.code(terlapor, at, PrabumulihFields.HUBUNGAN, PrabumulihFields.LIST_HUBUNGAN, REQUIRED);
        if (relationship != null) {
            person.addRelationship(new CodeableConcept(relationship));
        }
        person.addRelationship(new CodeableConcept(
                Fhir.hubCoding(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        String name = in.text(terlapor, at, PrabumulihFields.NAMA, OPTIONAL);
        if (name != null) {
            person.addName().setText(name);
        }
        Coding gender =
                in.code(terlapor, at, PrabumulihFields.JENIS_KELAMIN, PrabumulihFields.LIST_JENIS_KELAMIN, OPTIONAL);
        if (gender != null) {
            person.setGender(AdministrativeGender.fromCode(gender.getCode()));
        }
        Integer age = in.integer(terlapor, at, PrabumulihFields.UMUR, OPTIONAL, 0, MAX_AGE);
        if (age != null) {
            person.addExtension(Fhir.age(age));
        }
        return person;
    }

    static void link(RelatedPerson perpetrator, Reference firstVictim) {
        perpetrator.setPatient(firstVictim);
    }

    static boolean isPerpetrator(RelatedPerson person) {
        return person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_PERSON_ROLE))
                .flatMap(Optional::stream)
                .anyMatch(c -> Canonical.ROLE_PERPETRATOR.equals(c.getCode()));
    }

    /** The perpetrators as {@code <terlapor>} elements of {@code kasus}; none when the receiver may see none. */
    static void write(Bundle bundle, RenderContext out, Element kasus) {
        List<RelatedPerson> perpetrators = Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(PerpetratorMapper::isPerpetrator)
                .toList();
        for (int i = 0; i < perpetrators.size(); i++) {
            write(perpetrators.get(i), FieldReader.index(FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TERLAPOR), i),
                    out, XmlDocuments.add(kasus, PrabumulihFields.TERLAPOR));
        }
    }

    private static void write(RelatedPerson person, String at, RenderContext out, Element terlapor) {
        if (person.hasName() && person.getNameFirstRep().hasText()) {
            XmlDocuments.addText(terlapor, PrabumulihFields.NAMA, person.getNameFirstRep().getText());
        }
        if (person.hasGender()) {
            XmlDocuments.addText(terlapor, PrabumulihFields.JENIS_KELAMIN, out.code(PrabumulihFields.LIST_JENIS_KELAMIN,
                    new Coding(Fhir.ADMINISTRATIVE_GENDER, person.getGender().toCode(), null),
                    FieldReader.path(at, PrabumulihFields.JENIS_KELAMIN)));
        }
        Fhir.ageYears(person).ifPresent(age -> XmlDocuments.addText(terlapor, PrabumulihFields.UMUR, String.valueOf(age)));
        Optional<Coding> relationship = person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_RELATIONSHIP))
                .flatMap(Optional::stream)
                .findFirst();
        XmlDocuments.addText(terlapor, PrabumulihFields.HUBUNGAN, out.code(PrabumulihFields.LIST_HUBUNGAN, relationship,
                Canonical.CS_RELATIONSHIP, FieldReader.path(at, PrabumulihFields.HUBUNGAN)));
    }
}
