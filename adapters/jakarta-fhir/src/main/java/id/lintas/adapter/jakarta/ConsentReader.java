package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
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

    /** One victim's answer; {@code giver} is null when the victim answered herself. */
    record Answer(Patient victim, boolean permit, DateTimeType dateTime, String giver) {}

    /** @param victims the Jakarta Patients that are victims of the case */
    List<Answer> read(Inbound in, List<Patient> victims) {
        List<Answer> answers = new ArrayList<>();
        for (Consent source : Bundles.all(in.bundle(), Consent.class)) {
            Optional<Patient> patient = in.resolve(source.getPatient(), Patient.class);
            if (patient.isEmpty() || !victims.contains(patient.get())) {
                in.errors().add("Consent.patient", "required: the victim (a Patient in the Bundle)");
                continue;
            }
            boolean permit;
            if (source.hasProvision() && source.getProvision().hasType()) {
                permit = source.getProvision().getType() == Consent.ConsentProvisionType.PERMIT;
            } else if (source.getStatus() == Consent.ConsentState.ACTIVE || source.getStatus() == Consent.ConsentState.REJECTED) {
                permit = source.getStatus() == Consent.ConsentState.ACTIVE;
            } else {
                in.errors().add("Consent.provision.type", "required: permit or deny");
                continue;
            }
            DateTimeType dateTime = null;
            if (source.hasDateTimeElement()) {
                dateTime = source.getDateTimeElement();
            } else {
                in.errors().add("Consent.dateTime", "required: when consent was given");
            }
            answers.add(new Answer(patient.get(), permit, dateTime, giver(in, source)));
        }
        return answers;
    }

    /** Null for the victim; the hub's consent-giver code when a RelatedPerson gave consent. */
    private static String giver(Inbound in, Consent source) {
        Reference performer = source.getPerformer().isEmpty() ? null : source.getPerformerFirstRep();
        Optional<RelatedPerson> guardian = in.resolve(performer, RelatedPerson.class);
        if (guardian.isEmpty()) {
            return null;
        }
        boolean parent = guardian.get().getRelationship().stream().anyMatch(r ->
                Fhir.codings(r, JakartaFhir.CS_HUBUNGAN).stream().anyMatch(c -> "OT".equalsIgnoreCase(c.getCode()))
                        || Fhir.codings(r, JakartaFhir.V3_ROLE_CODE).stream().anyMatch(c -> JakartaFhir.ROLE_PARENT.equals(c.getCode())));
        return parent ? GIVER_PARENT : GIVER_GUARDIAN;
    }
}
