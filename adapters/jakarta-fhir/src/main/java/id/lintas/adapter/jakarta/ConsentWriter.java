package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/** A victim's consent as Jakarta's Consent: status, privacy scope, when, who gave it, and permit or deny. */
final class ConsentWriter {

    private final Codes codes;

    ConsentWriter(Codes codes) {
        this.codes = codes;
    }

    /** @param performer the fullUrl of whoever gave it: the victim's Patient or the consent giver */
    void write(Outbound out, id.lintas.contracts.model.Consent terms, int victim, String performer) {
        Consent consent = new Consent();
        consent.setStatus(terms.permit() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
        consent.setScope(
                new CodeableConcept(new Coding(Canonical.CONSENT_SCOPE, Canonical.CONSENT_SCOPE_PRIVACY, null)));
        consent.addCategory(new CodeableConcept(new Coding(Canonical.LOINC, Canonical.LOINC_PRIVACY_CONSENT, null)));
        consent.setPatient(out.victim(victim));
        if (terms.date() != null) {
            consent.setDateTimeElement(new DateTimeType(terms.date().toString()));
        }
        consent.addPerformer(new Reference(performer));
        // FHIR requires a policy or a policy rule (ppc-1): the hub's lawful basis is kept as the rule.
        if (terms.basis() != null) {
            consent.setPolicyRule(new CodeableConcept(codes.hub(Canonical.CS_LAWFUL_BASIS, terms.basis())));
        }
        consent.getProvision()
                .setType(terms.permit() ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        out.transaction().post(out.transaction().url("Consent/" + victim), consent);
    }
}
