package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** {@code pelaku[]}: one canonical {@code RelatedPerson} (profile lintas-perpetrator) each. */
final class PerpetratorMapper {

    private static final int MAX_AGE = 130;

    private PerpetratorMapper() {}

    /** Reads one perpetrator; {@code patient} is set by the caller once the first victim is in the bundle. */
    static RelatedPerson read(JsonNode perpetrator, String at, FieldReader in, Terminology terminology) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_PERPETRATOR);
        Coding relationship = in.code(perpetrator, at, KukarFields.HUBUNGAN, KukarFields.LIST_HUBUNGAN, REQUIRED);
        if (relationship != null) {
            person.addRelationship(new CodeableConcept(relationship));
        }
        person.addRelationship(new CodeableConcept(
                Fhir.hubCoding(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        String name = in.text(perpetrator, at, KukarFields.NAMA, OPTIONAL);
        if (name != null) {
            person.addName().setText(name);
        }
        Coding gender = in.code(perpetrator, at, KukarFields.JK, KukarFields.LIST_JENIS_KELAMIN, OPTIONAL);
        if (gender != null) {
            person.setGender(AdministrativeGender.fromCode(gender.getCode()));
        }
        Integer age = in.integer(perpetrator, at, KukarFields.USIA, OPTIONAL, 0, MAX_AGE);
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

    /** The perpetrators; empty when the receiver may see none. */
    static Optional<ArrayNode> write(Bundle bundle, RenderContext out) {
        List<RelatedPerson> perpetrators = Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(PerpetratorMapper::isPerpetrator)
                .toList();
        if (perpetrators.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode array = KukarJson.MAPPER.createArrayNode();
        for (int i = 0; i < perpetrators.size(); i++) {
            array.add(write(perpetrators.get(i), FieldReader.index(KukarFields.PELAKU, i), out));
        }
        return Optional.of(array);
    }

    private static ObjectNode write(RelatedPerson person, String at, RenderContext out) {
        ObjectNode json = KukarJson.object();
        if (person.hasName() && person.getNameFirstRep().hasText()) {
            json.put(KukarFields.NAMA, person.getNameFirstRep().getText());
        }
        if (person.hasGender()) {
            TaskMapper.putIfPresent(json, KukarFields.JK, out.code(KukarFields.LIST_JENIS_KELAMIN,
                    new Coding(Fhir.ADMINISTRATIVE_GENDER, person.getGender().toCode(), null),
                    FieldReader.path(at, KukarFields.JK)));
        }
        Fhir.ageYears(person).ifPresent(age -> json.put(KukarFields.USIA, age));
        person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_RELATIONSHIP))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(relationship -> TaskMapper.putIfPresent(json, KukarFields.HUBUNGAN, out.code(
                        KukarFields.LIST_HUBUNGAN, relationship, FieldReader.path(at, KukarFields.HUBUNGAN))));
        return json;
    }
}
