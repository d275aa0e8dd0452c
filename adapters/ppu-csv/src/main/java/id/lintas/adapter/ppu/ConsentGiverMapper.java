package id.lintas.adapter.ppu;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/** Whoever gave consent when it was not the victim ({@code Pemberi Persetujuan}); no name, as PPU has none. */
final class ConsentGiverMapper {

    static final String VICTIM = "KORBAN";

    private final Terminology terminology;

    ConsentGiverMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    static boolean isVictim(Coding giver) {
        return VICTIM.equals(giver.getCode());
    }

    RelatedPerson toRelatedPerson(Coding giver, Reference victim) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_CONSENT_GIVER);
        person.setPatient(victim.copy());
        person.addRelationship(Fhir.concept(giver.copy()));
        person.addRelationship(
                Fhir.concept(Fhir.hub(terminology, Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
        return person;
    }

    /** The giver's hub code: the victim when the consent's performer is the Patient itself. */
    Coding giver(RelatedPerson person) {
        return person.getRelationship().stream()
                .map(r -> Fhir.coding(r, Canonical.CS_CONSENT_GIVER))
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }

    Coding victim() {
        return Fhir.hub(terminology, Canonical.CS_CONSENT_GIVER, VICTIM);
    }
}
