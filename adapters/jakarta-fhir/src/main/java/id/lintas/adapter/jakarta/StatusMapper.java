package id.lintas.adapter.jakarta;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/** Jakarta's {@code status-rujukan} message, both ways: a {@link StatusChange} from a Task and back. */
final class StatusMapper {

    private static final Map<Task.TaskStatus, ReferralStatus> STATUS = Map.of(
            Task.TaskStatus.ACCEPTED, ReferralStatus.ACCEPTED,
            Task.TaskStatus.REJECTED, ReferralStatus.REJECTED,
            Task.TaskStatus.COMPLETED, ReferralStatus.COMPLETED,
            Task.TaskStatus.CANCELLED, ReferralStatus.CANCELLED);

    private final FhirContext fhir;

    StatusMapper(FhirContext fhir) {
        this.fhir = fhir;
    }

    StatusChange read(MessageParser.Message message) throws TranslationException {
        Task task = message.task();
        Errors errors = new Errors();
        String hubId = identifier(task, JakartaFhir.SID_REFERRAL).orElse(null);
        if (hubId == null) {
            errors.add("Task.identifier", "required: the hub's referral id with system " + JakartaFhir.SID_REFERRAL);
        }
        String caseNumber = identifier(task, JakartaFhir.SID_KASUS).orElse(null);
        ReferralStatus status = task.hasStatus() ? STATUS.get(task.getStatus()) : null;
        if (status == null) {
            errors.add(
                    "Task.status",
                    "expected accepted, rejected, completed or cancelled"
                            + (task.hasStatus() ? ", got '" + task.getStatus().toCode() + "'" : ""));
        }
        String note = null;
        if (task.hasStatusReason()
                && task.getStatusReason().hasText()
                && !task.getStatusReason().getText().isBlank()) {
            note = task.getStatusReason().getText();
        } else if (task.hasNote() && task.getNoteFirstRep().hasText()) {
            note = task.getNoteFirstRep().getText();
        }
        if (status == ReferralStatus.REJECTED
                && !(task.hasStatusReason() && task.getStatusReason().hasText())) {
            errors.add("Task.statusReason.text", "required when the referral is rejected: the reason");
        }
        Instant at = null;
        if (task.hasLastModified()) {
            at = task.getLastModified().toInstant();
        } else if (message.bundle().hasTimestamp()) {
            at = message.bundle().getTimestamp().toInstant();
        } else {
            errors.add("Task.lastModified", "required: when the status changed (or Bundle.timestamp)");
        }
        errors.throwIfAny();
        return new StatusChange(hubId, caseNumber, status, note, at);
    }

    private static Optional<String> identifier(Task task, String system) {
        return task.getIdentifier().stream()
                .filter(id -> system.equals(id.getSystem())
                        && id.hasValue()
                        && !id.getValue().isBlank())
                .map(id -> id.getValue().trim())
                .findFirst();
    }

    OutboundDocument write(StatusChange change, Participant recipient) throws TranslationException {
        if (!STATUS.containsValue(change.status())) {
            throw new TranslationException(
                    "Task.status",
                    "Jakarta's status messages carry accepted, rejected, completed or cancelled, not "
                            + change.status().taskStatus().toCode());
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        String seed = "lintas-status:" + change.hubReferralId() + ":" + change.status() + ":" + change.at();
        bundle.setId(
                UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
        bundle.setTimestamp(Date.from(change.at()));

        String taskUrl = "urn:uuid:" + UUID.nameUUIDFromBytes((seed + ":task").getBytes(StandardCharsets.UTF_8));
        MessageHeader header = new MessageHeader();
        header.setEvent(new Coding(JakartaFhir.CS_EVENT, JakartaFhir.EVENT_STATUS, "Status rujukan"));
        header.getSource().setName("Lintas").setEndpoint(Canonical.BASE);
        header.addFocus(new Reference(taskUrl));
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes((seed + ":header").getBytes(StandardCharsets.UTF_8)))
                .setResource(header);

        Task task = new Task();
        task.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_REFERRAL).setValue(change.hubReferralId()));
        if (change.sourceReference() != null) {
            task.addIdentifier(new Identifier().setSystem(JakartaFhir.SID_KASUS).setValue(change.sourceReference()));
        }
        task.setStatus(change.status().taskStatus());
        task.setIntent(Task.TaskIntent.ORDER);
        // The instant exactly, written with the recipient's offset.
        task.setLastModifiedElement(Fhir.instant(change.at().atZone(recipient.zone())));
        if (change.note() != null && !change.note().isBlank()) {
            if (change.status() == ReferralStatus.REJECTED) {
                task.setStatusReason(new CodeableConcept().setText(change.note()));
            } else {
                task.addNote().setText(change.note());
            }
        }
        bundle.addEntry().setFullUrl(taskUrl).setResource(task);
        byte[] content = fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        return new OutboundDocument(JakartaFhir.TARGET_PROCESS_MESSAGE, JakartaFhir.MEDIA_TYPE, content);
    }
}
