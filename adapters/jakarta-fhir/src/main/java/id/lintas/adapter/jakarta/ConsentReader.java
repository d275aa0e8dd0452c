package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.PartialDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * Jakarta's Consents: permit or deny (by {@code provision.type}, else by status), when, and who gave it:
 * the victim, or a parent or guardian (a RelatedPerson whose relationship is {@code OT} or v3 {@code PRN}
 * is a parent; any other is a guardian).
 */
final class ConsentReader {

    static final String GIVER_PARENT = "ORANG_TUA";
    static final String GIVER_GUARDIAN = "WALI";

    /** One victim's consent. */
    record Answer(Patient victim, Consent consent) {}

    /** @param victims the Jakarta Patients that are victims of the case */
    List<Answer> read(Inbound in, List<Patient> victims) {
        List<Answer> answers = new ArrayList<>();
        for (org.hl7.fhir.r4.model.Consent source : Bundles.all(in.bundle(), org.hl7.fhir.r4.model.Consent.class)) {
            Optional<Patient> patient = in.resolve(source.getPatient(), Patient.class);
            if (patient.isEmpty() || !victims.contains(patient.get())) {
                in.errors().add("Consent.patient", "required: the victim (a Patient in the Bundle)");
                continue;
            }
            boolean permit;
            if (source.hasProvision() && source.getProvision().hasType()) {
                permit = source.getProvision().getType() == ConsentProvisionType.PERMIT;
            } else if (source.getStatus() == ConsentState.ACTIVE || source.getStatus() == ConsentState.REJECTED) {
                permit = source.getStatus() == ConsentState.ACTIVE;
            } else {
                in.errors().add("Consent.provision.type", "required: permit or deny");
                continue;
            }
            PartialDateTime date = null;
            if (source.hasDateTimeElement()) {
                date = Fhir.partial(source.getDateTimeElement(), "Consent.dateTime", in.errors());
            } else {
                in.errors().add("Consent.dateTime", "required: when consent was given");
            }
            // Jakarta records consent itself, never another lawful basis.
            answers.add(new Answer(patient.get(), new Consent(permit, Consent.CONSENT, giver(in, source), date)));
        }
        return answers;
    }

    /** Null for the victim; the hub's consent-giver code when a RelatedPerson gave consent. */
    private static String giver(Inbound in, org.hl7.fhir.r4.model.Consent source) {
        Reference performer = source.getPerformer().isEmpty() ? null : source.getPerformerFirstRep();
        Optional<RelatedPerson> guardian = in.resolve(performer, RelatedPerson.class);
        if (guardian.isEmpty()) {
            return null;
        }
        boolean parent = guardian.get().getRelationship().stream()
                .anyMatch(r -> Fhir.codings(r, JakartaFhir.CS_HUBUNGAN).stream()
                                .anyMatch(c -> "OT".equalsIgnoreCase(c.getCode()))
                        || Fhir.codings(r, JakartaFhir.V3_ROLE_CODE).stream()
                                .anyMatch(c -> JakartaFhir.ROLE_PARENT.equals(c.getCode())));
        return parent ? GIVER_PARENT : GIVER_GUARDIAN;
    }
}
