package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task;

/** The referral itself: Kukar's top-level fields and the canonical {@code Task}. */
final class TaskMapper {

    /** The canonical model's fixed reading of the hub's urgency as FHIR priority. */
    private static final Map<String, TaskPriority> PRIORITY = Map.of(
            "TINGGI", TaskPriority.ASAP,
            "SEDANG", TaskPriority.URGENT,
            "RENDAH", TaskPriority.ROUTINE);

    private static final int MAX_CASE_NUMBER = 64;

    /** Kukar's top-level fields, read and translated. */
    record Header(
            String caseNumber,
            int revision,
            Coding kind,
            LocalDateTime reportedAt,
            Coding channel,
            Coding urgency,
            Region destination) {}

    private TaskMapper() {}

    static Header read(JsonNode root, FieldReader in) {
        String caseNumber = in.text(root, "", KukarFields.NO_REGISTRASI, REQUIRED);
        if (caseNumber != null && caseNumber.length() > MAX_CASE_NUMBER) {
            in.error(KukarFields.NO_REGISTRASI, "longer than " + MAX_CASE_NUMBER + " characters");
        }
        Integer revision = in.integer(root, "", KukarFields.REVISI, OPTIONAL, 1, Integer.MAX_VALUE);
        Coding kind = in.code(root, "", KukarFields.JENIS_RUJUKAN, KukarFields.LIST_JENIS_RUJUKAN, REQUIRED);
        LocalDateTime reportedAt = in.dateTime(root, "", KukarFields.TGL_LAPOR, REQUIRED);
        Coding channel = in.code(root, "", KukarFields.MEDIA_PENGADUAN, KukarFields.LIST_MEDIA_PENGADUAN, REQUIRED);
        Coding urgency = in.code(root, "", KukarFields.URGENSI, KukarFields.LIST_URGENSI, REQUIRED);
        JsonNode destination = in.object(root, "", KukarFields.TUJUAN, OPTIONAL);
        Region region = destination == null
                ? null
                : in.bpsRegion(destination, KukarFields.TUJUAN, KukarFields.KODE_WILAYAH, REQUIRED);
        return new Header(caseNumber, revision == null ? 1 : revision, kind, reportedAt, channel, urgency, region);
    }

    /** The Task without its references, which are set by {@link #link} once every entry is in the bundle. */
    static Task toTask(Header header, String chronology, Participant sender, Optional<Region> senderRegion) {
        Task task = new Task();
        Fhir.profile(task, Canonical.PROFILE_REFERRAL);
        task.addIdentifier(new Identifier()
                .setSystem(Canonical.sourceCaseSystem(sender.id()))
                .setValue(header.caseNumber()));
        task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(header.revision()));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(header.kind()));
        task.setPriority(PRIORITY.get(header.urgency().getCode()));
        task.addExtension(Canonical.EXT_URGENCY, header.urgency());
        task.setAuthoredOnElement(instant(header.reportedAt().atZone(sender.zone())));
        task.addExtension(Canonical.EXT_INTAKE_CHANNEL, header.channel());
        task.addExtension(Canonical.EXT_REPORTING_REGION, senderRegion
                .map(Fhir::regionCoding)
                .orElseGet(() -> new Coding(Canonical.CS_REGION, sender.regionKemendagri(), null)));
        if (header.destination() != null) {
            task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, Fhir.regionCoding(header.destination()));
        }
        if (chronology != null) {
            task.addNote().setText(chronology);
        }
        return task;
    }

    static void link(Task task, Terminology terminology, Reference requester, List<Reference> victims,
            List<Reference> services, Reference officer) {
        task.setRequester(requester);
        task.setFor(victims.get(0));
        services.forEach(task::addBasedOn);
        for (Reference victim : victims) {
            task.addInput()
                    .setType(new CodeableConcept(
                            Fhir.hubCoding(terminology, Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                    .setValue(victim);
        }
        if (officer != null) {
            task.addInput()
                    .setType(new CodeableConcept(
                            Fhir.hubCoding(terminology, Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_OFFICER)))
                    .setValue(officer);
        }
    }

    /** A local time of the sender as an instant that keeps the sender's offset ({@code +08:00}). */
    static DateTimeType instant(ZonedDateTime time) {
        return new DateTimeType(
                Date.from(time.toInstant()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(time.getZone()));
    }

    /** Writes the top-level fields Kukar puts before {@code korban}. */
    static void write(Task task, ObjectNode json, RenderContext out) {
        task.getIdentifier().stream()
                .filter(id -> id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX))
                .findFirst()
                .map(Identifier::getValue)
                .ifPresent(value -> json.put(KukarFields.NO_REGISTRASI, value));
        Fhir.extensionValue(task, Canonical.EXT_REVISION, PositiveIntType.class)
                .ifPresent(revision -> json.put(KukarFields.REVISI, revision.getValue()));
        if (task.hasCode()) {
            putIfPresent(json, KukarFields.JENIS_RUJUKAN, out.code(KukarFields.LIST_JENIS_RUJUKAN,
                    Fhir.coding(task.getCode(), Canonical.CS_REFERRAL_KIND), Canonical.CS_REFERRAL_KIND,
                    KukarFields.JENIS_RUJUKAN));
        }
        if (task.hasAuthoredOnElement()) {
            putIfPresent(json, KukarFields.TGL_LAPOR, KukarFormats.dateTime(out, task.getAuthoredOnElement(), KukarFields.TGL_LAPOR));
        }
        Fhir.extensionCoding(task, Canonical.EXT_INTAKE_CHANNEL).ifPresent(channel -> putIfPresent(
                json, KukarFields.MEDIA_PENGADUAN,
                out.code(KukarFields.LIST_MEDIA_PENGADUAN, channel, KukarFields.MEDIA_PENGADUAN)));
        Fhir.extensionCoding(task, Canonical.EXT_URGENCY).ifPresent(urgency -> putIfPresent(
                json, KukarFields.URGENSI, out.code(KukarFields.LIST_URGENSI, urgency, KukarFields.URGENSI)));
    }

    /**
     * Kukar's {@code tujuan}: the region of the organisation the hub routed the referral to, or
     * else the region the sender asked for; nothing when neither is known.
     */
    static Optional<ObjectNode> writeDestination(Bundle bundle, Task task, RenderContext out) {
        String field = FieldReader.path(KukarFields.TUJUAN, KukarFields.KODE_WILAYAH);
        Optional<Region> owner = Bundles.resolve(bundle, task.getOwner(), Organization.class)
                .flatMap(org -> OrganizationMapper.region(org, out.regions()));
        String code = null;
        if (owner.isPresent()) {
            code = KukarFormats.bps(out, owner.get(), field);
        } else {
            Optional<Coding> requested = Fhir.extensionCoding(task, Canonical.EXT_REQUESTED_DESTINATION);
            if (requested.isPresent()) {
                code = KukarFormats.bps(out, requested.get(), field);
            }
        }
        if (code == null) {
            return Optional.empty();
        }
        ObjectNode destination = KukarJson.object();
        destination.put(KukarFields.KODE_WILAYAH, code);
        return Optional.of(destination);
    }

    static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
