package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import java.util.Optional;
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
     * @param owner the rendered owner Organization
     */
    Task write(Outbound out, String serviceRequestUrl, Reference owner) {
        Task source = Bundles.task(out.in());
        Errors errors = out.errors();
        Task task = new Task();
        task.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_REFERRAL).setValue(out.referral().hubReferralId()));
        for (Identifier id : source.getIdentifier()) {
            if (JakartaFhir.SID_KASUS.equals(id.getSystem())) {
                task.addIdentifier(id.copy());
            } else if (id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX)
                    && !id.getSystem().equals(Canonical.sourceCaseSystem(out.receiver().id()))) {
                // The sender's case number, so Jakarta's staff can quote it to the sender.
                task.addIdentifier(id.copy());
            }
        }
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        Fhir.coding(source.getCode(), Canonical.CS_REFERRAL_KIND).ifPresent(kind -> {
            String code = codes.fromHub(errors, JakartaFhir.LIST_JENIS_RUJUKAN, kind, "Task.code");
            if (code != null) {
                task.setCode(new CodeableConcept(new Coding(JakartaFhir.CS_JENIS_RUJUKAN, code, null)));
            }
        });
        Optional<Coding> urgency = Fhir.extensionValue(source, Canonical.EXT_URGENCY, Coding.class);
        if (urgency.isPresent()) {
            String code = codes.fromHub(errors, JakartaFhir.LIST_PRIORITAS, urgency.get(), "Task.priority");
            if (code != null) {
                task.setPriority(Task.TaskPriority.fromCode(code));
            }
        } else if (source.hasPriority()) {
            task.setPriority(source.getPriority());
        }
        if (serviceRequestUrl != null) {
            task.setFocus(new Reference(serviceRequestUrl));
        }
        Reference victim = out.ref(source.getFor());
        if (victim != null) {
            task.setFor(victim);
        }
        if (source.hasAuthoredOnElement()) {
            task.setAuthoredOnElement(source.getAuthoredOnElement().copy());
        }
        Reference requester = out.ref(source.getRequester());
        if (requester != null) {
            task.setRequester(requester);
        }
        task.setOwner(owner);
        if (source.hasReasonCode() && source.getReasonCode().hasText()) {
            task.setReasonCode(new CodeableConcept().setText(source.getReasonCode().getText()));
        }
        return task;
    }
}
