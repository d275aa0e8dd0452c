package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/** A perpetrator: the {@code * Pelaku} columns to and from a canonical RelatedPerson. Stateless. */
final class PerpetratorMapper {

    /** PPU writes an unknown relation as an empty cell; the hub has a code for it (see hub-to-ppu.json). */
    static final String UNKNOWN_RELATION = "TIDAK_DIKETAHUI";

    private final Terminology terminology;

    PerpetratorMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    /** Linked to the case's first victim, as the canonical model says ({@code patient} is 1..1 in R4). */
    RelatedPerson toRelatedPerson(RujukanRow.Perpetrator perpetrator, Reference firstVictim) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_PERPETRATOR);
        person.setPatient(firstVictim.copy());
        // relationship[0] is the relation by position, so an empty cell becomes the hub's "unknown".
        Coding relation = perpetrator.relationship() != null
                ? perpetrator.relationship().copy()
                : Fhir.hub(terminology, Canonical.CS_RELATIONSHIP, UNKNOWN_RELATION);
        person.addRelationship(Fhir.concept(relation));
        person.addRelationship(
                Fhir.concept(Fhir.hub(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        if (perpetrator.name() != null) {
            person.addName(new HumanName().setText(perpetrator.name()));
        }
        if (perpetrator.gender() != null) {
            person.setGender(AdministrativeGender.fromCode(perpetrator.gender().getCode()));
        }
        if (perpetrator.age() != null) {
            person.addExtension(Canonical.EXT_AGE, Fhir.years(perpetrator.age()));
        }
        return person;
    }

    static boolean isPerpetrator(RelatedPerson person) {
        return person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_PERSON_ROLE))
                .anyMatch(c -> c != null && Canonical.ROLE_PERPETRATOR.equals(c.getCode()));
    }

    /** The perpetrator cells of one row. */
    void render(RelatedPerson person, Rendering out, Rendering.Cells cells) {
        cells.put(NAMA_PELAKU, name(person));
        cells.put(JK_PELAKU, PatientMapper.gender(person.getGender(), JK_PELAKU, out));
        cells.put(UMUR_PELAKU, age(person));
        cells.put(HUBUNGAN_PELAKU, relation(person, out));
    }

    /** A perpetrator PPU's rows have no room for, written out for the {@code Kronologi} note. */
    String describe(RelatedPerson person, int number, Rendering out) {
        List<String> parts = new ArrayList<>();
        Rendering.Cells cells = new Rendering.Cells();
        render(person, out, cells);
        for (String column : List.of(NAMA_PELAKU, JK_PELAKU, UMUR_PELAKU, HUBUNGAN_PELAKU)) {
            if (cells.get(column) != null) {
                parts.add(column + " " + cells.get(column));
            }
        }
        return "Pelaku " + number + ": " + (parts.isEmpty() ? "-" : String.join(", ", parts));
    }

    private static String name(RelatedPerson person) {
        if (!person.hasName()) {
            return null;
        }
        HumanName name = person.getNameFirstRep();
        return name.hasText() ? name.getText() : name.getNameAsSingleString();
    }

    private static String age(RelatedPerson person) {
        return Fhir.value(person, Canonical.EXT_AGE) instanceof Age age && age.hasValue()
                ? age.getValue().stripTrailingZeros().toPlainString()
                : null;
    }

    private static String relation(RelatedPerson person, Rendering out) {
        Coding relation = person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_RELATIONSHIP))
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
        if (relation == null || UNKNOWN_RELATION.equals(relation.getCode())) {
            return null;
        }
        return out.code(LIST_HUBUNGAN_PELAKU, relation, HUBUNGAN_PELAKU);
    }
}
