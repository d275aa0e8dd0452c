package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * Perpetrators as RelatedPersons with {@code peran = terlapor} and Jakarta's relationship code; consent
 * givers as RelatedPersons with HL7 v3 {@code PRN} (parent) or {@code GUARD} (guardian), as Jakarta has no list for them.
 */
final class RelatedPersonWriter {

    private static final String GIVER_PARENT = "ORANG_TUA";
    private static final String GIVER_GUARDIAN = "WALI";

    private final Codes codes;

    RelatedPersonWriter(Codes codes) {
        this.codes = codes;
    }

    void write(Outbound out, RelatedPerson source) {
        boolean perpetrator = hasRole(source, Canonical.ROLE_PERPETRATOR);
        boolean giver = hasRole(source, Canonical.ROLE_CONSENT_GIVER);
        if (!perpetrator && !giver) {
            return;
        }
        RelatedPerson person = new RelatedPerson();
        Reference patient = out.ref(source.getPatient());
        if (patient != null) {
            person.setPatient(patient);
        }
        if (perpetrator) {
            person.addExtension(JakartaFhir.EXT_PERAN, new CodeType(JakartaFhir.PERAN_TERLAPOR));
            Optional<Coding> relationship = source.getRelationship().stream()
                    .flatMap(r -> Fhir.coding(r, Canonical.CS_RELATIONSHIP).stream())
                    .findFirst();
            if (relationship.isPresent()) {
                String code = codes.fromHub(out.errors(), JakartaFhir.LIST_HUBUNGAN, relationship.get(), "RelatedPerson.relationship");
                if (code != null) {
                    person.addRelationship(new CodeableConcept(new Coding(JakartaFhir.CS_HUBUNGAN, code, null)));
                }
            }
            source.getName().stream().filter(HumanName::hasText).findFirst()
                    .ifPresent(name -> person.addName().setText(name.getText()));
            if (source.hasGender()) {
                person.setGender(source.getGender());
            }
        } else {
            Optional<Coding> kind = source.getRelationship().stream()
                    .flatMap(r -> Fhir.coding(r, Canonical.CS_CONSENT_GIVER).stream())
                    .findFirst();
            if (kind.isPresent() && (GIVER_PARENT.equals(kind.get().getCode()) || GIVER_GUARDIAN.equals(kind.get().getCode()))) {
                boolean parent = GIVER_PARENT.equals(kind.get().getCode());
                person.addRelationship(new CodeableConcept(new Coding(JakartaFhir.V3_ROLE_CODE,
                        parent ? JakartaFhir.ROLE_PARENT : JakartaFhir.ROLE_GUARDIAN, parent ? "parent" : "guardian")));
            } else {
                kind.ifPresent(k -> person.addRelationship(new CodeableConcept().setText(k.getDisplay())));
            }
        }
        out.transaction().post(out.url(source), person);
    }

    private static boolean hasRole(RelatedPerson person, String role) {
        return person.getRelationship().stream()
                .flatMap(r -> Fhir.coding(r, Canonical.CS_PERSON_ROLE).stream())
                .anyMatch(c -> role.equals(c.getCode()));
    }
}
