package id.lintas.adapter.ppu;

import static id.lintas.adapter.ppu.Columns.*;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Task;

/** The referral Task: case-level columns of a RUJUKAN row to and from the canonical Task. Stateless. */
final class TaskMapper {

    /** The canonical model's priority for each hub urgency (docs/canonical-model.md, Task). */
    private static final Map<String, Task.TaskPriority> PRIORITY = Map.of(
            "TINGGI", Task.TaskPriority.ASAP,
            "SEDANG", Task.TaskPriority.URGENT,
            "RENDAH", Task.TaskPriority.ROUTINE);

    /**
     * The Task without its references (requester, for, basedOn, input), which the caller sets once
     * the resources they point to are in the bundle.
     */
    Task toTask(String noRegistrasi, RujukanRow.Referral referral, Participant sender, Region reportingRegion) {
        Task task = new Task();
        Fhir.profile(task, Canonical.PROFILE_REFERRAL);
        task.addIdentifier(new Identifier()
                .setSystem(Canonical.sourceCaseSystem(sender.id()))
                .setValue(noRegistrasi));
        // PPU's layout has no revision: a corrected case is sent again with the same number.
        task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(1));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(Fhir.concept(referral.kind()));
        task.setPriority(PRIORITY.get(referral.urgency().getCode()));
        task.addExtension(Canonical.EXT_URGENCY, referral.urgency());
        task.setAuthoredOnElement(Fhir.instant(referral.reportedAt()));
        task.addExtension(
                Canonical.EXT_REPORTING_REGION,
                reportingRegion == null
                        ? new Coding(Canonical.CS_REGION, sender.regionKemendagri(), null)
                        : Fhir.region(reportingRegion));
        if (referral.destination() != null) {
            task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, Fhir.region(referral.destination()));
        }
        if (referral.chronology() != null) {
            task.addNote(new Annotation().setText(referral.chronology()));
        }
        return task;
    }

    /** The case-level cells the Task holds, the same on every row of the case. */
    void render(Task task, Rendering out, Rendering.Cells cells) {
        task.getIdentifier().stream()
                .filter(id -> id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX))
                .findFirst()
                .ifPresent(id -> cells.put(NO_REGISTRASI, id.getValue()));
        cells.put(
                JENIS_RUJUKAN,
                out.code(LIST_JENIS_RUJUKAN, Fhir.coding(task.getCode(), Canonical.CS_REFERRAL_KIND), JENIS_RUJUKAN));
        if (task.hasAuthoredOn()) {
            cells.put(TGL_LAPOR, out.date(task.getAuthoredOnElement()));
            cells.put(JAM_LAPOR, out.time(task.getAuthoredOnElement()));
        }
        cells.put(URGENSI, out.code(LIST_URGENSI, Fhir.codingValue(task, Canonical.EXT_URGENCY), URGENSI));
        cells.put(
                KAB_KOTA_TUJUAN,
                out.regionName(Fhir.codingValue(task, Canonical.EXT_REQUESTED_DESTINATION), KAB_KOTA_TUJUAN));
        if (task.hasNote() && task.getNoteFirstRep().hasText()) {
            cells.put(KRONOLOGI, task.getNoteFirstRep().getText());
        }
    }
}
