package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.model.Referral;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The referral as Jakarta's Task: the hub's id and the case numbers as identifiers, kind and priority in
 * Jakarta's codes, the victim, the requester and the owner (Jakarta itself when the hub has not routed it).
 */
final class TaskWriter {

    private final Codes codes;

    TaskWriter(Codes codes) {
        this.codes = codes;
    }

    /**
     * @param serviceRequestUrl the fullUrl of the ServiceRequest, or null when no service is requested
     * @param requester the rendered sender Organization, or null
     * @param owner the rendered owner Organization
     */
    Task write(Outbound out, String serviceRequestUrl, Reference requester, Reference owner) {
        Referral referral = out.referral();
        Errors errors = out.errors();
        Task task = new Task();
        task.addIdentifier(new Identifier()
                .setSystem(JakartaFhir.SID_REFERRAL)
                .setValue(out.outbound().hubReferralId()));
        if (referral.sender() != null
                && referral.sourceCaseNumber() != null
                && !referral.sender().participantId().equals(out.receiver().id())) {
            // The sender's case number, so Jakarta's staff can quote it to the sender.
            task.addIdentifier(new Identifier()
                    .setSystem(Canonical.sourceCaseSystem(referral.sender().participantId()))
                    .setValue(referral.sourceCaseNumber()));
        }
        referral.identifiers().stream()
                .filter(id -> JakartaFhir.SID_KASUS.equals(id.system()))
                .forEach(id -> task.addIdentifier().setSystem(id.system()).setValue(id.value()));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        if (referral.kind() != null) {
            String code = codes.fromHub(
                    errors,
                    JakartaFhir.LIST_JENIS_RUJUKAN,
                    new Coding(Canonical.CS_REFERRAL_KIND, referral.kind().name(), null),
                    "Task.code");
            if (code != null) {
                task.setCode(new CodeableConcept(new Coding(JakartaFhir.CS_JENIS_RUJUKAN, code, null)));
            }
        }
        if (referral.urgency() != null) {
            String code = codes.fromHub(
                    errors,
                    JakartaFhir.LIST_PRIORITAS,
                    new Coding(Canonical.CS_URGENCY, referral.urgency().name(), null),
                    "Task.priority");
            if (code != null) {
                task.setPriority(Task.TaskPriority.fromCode(code));
            }
        }
        if (serviceRequestUrl != null) {
            task.setFocus(new Reference(serviceRequestUrl));
        }
        if (!referral.victims().isEmpty()) {
            task.setFor(out.victim(0));
        }
        if (referral.authoredOn() != null) {
            task.setAuthoredOnElement(Fhir.dateTime(referral.authoredOn()));
        }
        if (requester != null) {
            task.setRequester(requester);
        }
        task.setOwner(owner);
        if (referral.reason() != null) {
            task.setReasonCode(new CodeableConcept().setText(referral.reason()));
        }
        return task;
    }
}
