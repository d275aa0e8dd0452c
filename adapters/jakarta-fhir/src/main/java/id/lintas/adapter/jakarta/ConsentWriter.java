package id.lintas.adapter.jakarta;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;

/** A victim's consent as Jakarta's Consent: status, privacy scope, when, who gave it, and permit or deny. */
final class ConsentWriter {

    void write(Outbound out, Consent source) {
        Consent consent = new Consent();
        consent.setStatus(source.getStatus());
        consent.setScope(new CodeableConcept(
                new Coding(JakartaFhir.CONSENT_SCOPE, JakartaFhir.CONSENT_SCOPE_PRIVACY, null)));
        consent.addCategory(new CodeableConcept(new Coding(JakartaFhir.LOINC, JakartaFhir.LOINC_PRIVACY_CONSENT, null)));
        Reference patient = out.ref(source.getPatient());
        if (patient != null) {
            consent.setPatient(patient);
        }
        if (source.hasDateTimeElement()) {
            consent.setDateTimeElement(source.getDateTimeElement().copy());
        }
        for (Reference performer : source.getPerformer()) {
            Reference rendered = out.ref(performer);
            if (rendered != null) {
                consent.addPerformer(rendered);
            }
        }
        // FHIR requires a policy or a policy rule (ppc-1): the hub's lawful basis is kept as the rule.
        if (source.hasPolicyRule()) {
            consent.setPolicyRule(source.getPolicyRule().copy());
        }
        if (source.hasProvision() && source.getProvision().hasType()) {
            consent.getProvision().setType(source.getProvision().getType());
        }
        out.transaction().post(out.url(source), consent);
    }
}
