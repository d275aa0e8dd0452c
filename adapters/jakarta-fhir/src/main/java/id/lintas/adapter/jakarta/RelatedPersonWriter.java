package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Perpetrator;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * Perpetrators as RelatedPersons with {@code peran = terlapor} and Jakarta's relationship code; consent
 * givers as RelatedPersons with HL7 v3 {@code PRN} (parent) or {@code GUARD} (guardian), as Jakarta has no list for them.
 */
final class RelatedPersonWriter {

    private final Codes codes;

    RelatedPersonWriter(Codes codes) {
        this.codes = codes;
    }

    /** A perpetrator, linked to the first victim. */
    void write(Outbound out, Perpetrator perpetrator, int index) {
        RelatedPerson person = new RelatedPerson();
        if (!out.referral().victims().isEmpty()) {
            person.setPatient(out.victim(0));
        }
        person.addExtension(JakartaFhir.EXT_PERAN, new CodeType(JakartaFhir.PERAN_TERLAPOR));
        if (perpetrator.relationship() != null) {
            String code = codes.fromHub(
                    out.errors(),
                    JakartaFhir.LIST_HUBUNGAN,
                    new Coding(Canonical.CS_RELATIONSHIP, perpetrator.relationship(), null),
                    "RelatedPerson.relationship");
            if (code != null) {
                person.addRelationship(new CodeableConcept(new Coding(JakartaFhir.CS_HUBUNGAN, code, null)));
            }
        }
        if (perpetrator.name() != null) {
            person.addName().setText(perpetrator.name());
        }
        person.setGender(Fhir.gender(perpetrator.gender()));
        out.transaction().post(out.transaction().url("Perpetrator/" + index), person);
    }

    /** Who gave the victim's consent when it was not the victim; returns its fullUrl. */
    String writeGiver(Outbound out, Consent consent, int victim) {
        RelatedPerson person = new RelatedPerson();
        person.setPatient(out.victim(victim));
        if (ConsentReader.GIVER_PARENT.equals(consent.giver())
                || ConsentReader.GIVER_GUARDIAN.equals(consent.giver())) {
            boolean parent = ConsentReader.GIVER_PARENT.equals(consent.giver());
            person.addRelationship(new CodeableConcept(new Coding(
                    JakartaFhir.V3_ROLE_CODE,
                    parent ? JakartaFhir.ROLE_PARENT : JakartaFhir.ROLE_GUARDIAN,
                    parent ? "parent" : "guardian")));
        } else {
            // No HL7 role for it: the hub's name of the giver, as text.
            person.addRelationship(new CodeableConcept()
                    .setText(codes.hub(Canonical.CS_CONSENT_GIVER, consent.giver())
                            .getDisplay()));
        }
        String url = out.transaction().url("ConsentGiver/" + victim);
        out.transaction().post(url, person);
        return url;
    }
}
