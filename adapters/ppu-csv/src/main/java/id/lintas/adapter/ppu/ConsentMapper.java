package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.terminology.Terminology;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/** The victim's consent to share ({@code Persetujuan}, {@code Pemberi Persetujuan}); one per victim. */
final class ConsentMapper {

    static final String SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String LOINC = "http://loinc.org";
    private static final String CONSENT = "PERSETUJUAN";

    private final Terminology terminology;
    private final ConsentGiverMapper givers;

    ConsentMapper(Terminology terminology, ConsentGiverMapper givers) {
        this.terminology = terminology;
        this.givers = givers;
    }

    /**
     * PPU records consent itself, never another lawful basis, so the basis is always consent. PPU has no
     * consent date: the report time stands for it, the moment PPU recorded the answer.
     */
    Consent toConsent(boolean permitted, Reference victim, Reference performer, ZonedDateTime recordedAt) {
        Consent consent = new Consent();
        Fhir.profile(consent, Canonical.PROFILE_CONSENT);
        consent.setStatus(permitted ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
        consent.setScope(Fhir.concept(new Coding(SCOPE, "patient-privacy", "Privacy Consent")));
        consent.addCategory(Fhir.concept(new Coding(LOINC, "59284-0", "Patient Consent")));
        consent.setPatient(victim.copy());
        consent.setDateTimeElement(Fhir.instant(recordedAt));
        consent.addPerformer(performer.copy());
        consent.setPolicyRule(Fhir.concept(Fhir.hub(terminology, Canonical.CS_LAWFUL_BASIS, CONSENT)));
        consent.getProvision()
                .setType(permitted ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        return consent;
    }

    /**
     * The consent cells of a victim's row. PPU has no column for the lawful basis: a consent under a legal
     * obligation is written as the permit or refusal it records, and the basis stays with the hub.
     */
    void render(Consent consent, Bundle bundle, Rendering out, Rendering.Cells cells) {
        Boolean permitted = permitted(consent);
        if (permitted != null) {
            cells.put(PERSETUJUAN, permitted ? YA : TIDAK);
        }
        if (!consent.hasPerformer()) {
            return;
        }
        Reference performer = consent.getPerformerFirstRep();
        Optional<Patient> victim = Bundles.resolve(bundle, performer, Patient.class);
        Coding giver = victim.isPresent()
                ? givers.victim()
                : Bundles.resolve(bundle, performer, RelatedPerson.class)
                        .map(givers::giver)
                        .orElse(null);
        cells.put(PEMBERI_PERSETUJUAN, out.code(LIST_PEMBERI_PERSETUJUAN, giver, PEMBERI_PERSETUJUAN));
    }

    private static Boolean permitted(Consent consent) {
        if (consent.hasProvision() && consent.getProvision().hasType()) {
            return consent.getProvision().getType() == Consent.ConsentProvisionType.PERMIT;
        }
        if (consent.getStatus() == Consent.ConsentState.ACTIVE) {
            return true;
        }
        if (consent.getStatus() == Consent.ConsentState.REJECTED) {
            return false;
        }
        return null;
    }
}
