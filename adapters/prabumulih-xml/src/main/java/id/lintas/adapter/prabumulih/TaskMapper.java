package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.terminology.Terminology;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Element;

/** The referral itself: the attributes and top-level elements of {@code <kasus>} and the canonical {@code Task}. */
final class TaskMapper {

    static final String ROOT = "/" + PrabumulihFields.KASUS;

    /** The canonical model's fixed reading of the hub's urgency as FHIR priority. */
    private static final Map<String, TaskPriority> PRIORITY = Map.of(
            "TINGGI", TaskPriority.ASAP,
            "SEDANG", TaskPriority.URGENT,
            "RENDAH", TaskPriority.ROUTINE);

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Prabumulih's top-level fields, read and translated.
     *
     * @param uuid Prabumulih's own id of the case file
     * @param reason why Prabumulih refers the case ({@code rujukan/alasan}), or null
     */
    record Header(
            String uuid,
            String caseNumber,
            int revision,
            Coding kind,
            LocalDateTime reportedAt,
            Coding channel,
            Coding urgency,
            Region destination,
            String reason) {}

    private TaskMapper() {}

    static Header read(Element root, FieldReader in) {
        String uuid = in.attribute(root, ROOT, PrabumulihFields.UUID, REQUIRED);
        String caseNumber = in.attribute(root, ROOT, PrabumulihFields.NO_REG, REQUIRED);
        Integer revision = in.integer(in.attribute(root, ROOT, PrabumulihFields.VERSI, OPTIONAL),
                FieldReader.attributePath(ROOT, PrabumulihFields.VERSI), 1, Integer.MAX_VALUE);
        Coding kind = in.code(root, ROOT, PrabumulihFields.JENIS_RUJUKAN, PrabumulihFields.LIST_JENIS_RUJUKAN, REQUIRED);
        LocalDateTime reportedAt = in.dateTime(in.text(root, ROOT, PrabumulihFields.TANGGAL_PELAPORAN, REQUIRED),
                FieldReader.path(ROOT, PrabumulihFields.TANGGAL_PELAPORAN));
        Coding channel =
                in.code(root, ROOT, PrabumulihFields.MEDIA_PENGADUAN, PrabumulihFields.LIST_MEDIA_PENGADUAN, REQUIRED);
        Coding urgency = in.code(root, ROOT, PrabumulihFields.PRIORITAS, PrabumulihFields.LIST_PRIORITAS, REQUIRED);
        CaseCategory.read(root, ROOT, in);

        Region destination = null;
        String reason = null;
        Element referral = in.element(root, ROOT, PrabumulihFields.RUJUKAN, OPTIONAL);
        if (referral != null) {
            String at = FieldReader.path(ROOT, PrabumulihFields.RUJUKAN);
            destination = in.region(in.text(referral, at, PrabumulihFields.TUJUAN_KOTKAB, REQUIRED),
                    FieldReader.path(at, PrabumulihFields.TUJUAN_KOTKAB));
            reason = in.text(referral, at, PrabumulihFields.ALASAN, OPTIONAL);
        }
        return new Header(uuid, caseNumber, revision == null ? 1 : revision, kind, reportedAt, channel, urgency,
                destination, reason);
    }

    /** The Task without its references, which are set by {@link #link} once every entry is in the bundle. */
    static Task toTask(Header header, String chronology, Participant sender, Optional<Region> senderRegion) {
        Task task = new Task();
        Fhir.profile(task, Canonical.PROFILE_REFERRAL);
        task.addIdentifier(new Identifier()
                .setSystem(Canonical.sourceCaseSystem(sender.id()))
                .setValue(header.caseNumber()));
        // Prabumulih's case file id, so a case sent back to Prabumulih names the file it came from.
        task.addIdentifier(new Identifier()
                .setSystem(Fhir.URI_IDENTIFIER)
                .setValue(Fhir.URN_UUID + header.uuid().toLowerCase(Locale.ROOT)));
        task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(header.revision()));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(header.kind()));
        task.setPriority(PRIORITY.get(header.urgency().getCode()));
        task.addExtension(Canonical.EXT_URGENCY, header.urgency());
        task.setAuthoredOnElement(Fhir.instant(header.reportedAt().atZone(sender.zone())));
        task.addExtension(Canonical.EXT_INTAKE_CHANNEL, header.channel());
        task.addExtension(Canonical.EXT_REPORTING_REGION, senderRegion
                .map(Fhir::regionCoding)
                .orElseGet(() -> new Coding(Canonical.CS_REGION, sender.regionKemendagri(), null)));
        if (header.destination() != null) {
            task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, Fhir.regionCoding(header.destination()));
        }
        if (header.reason() != null) {
            task.setReasonCode(new CodeableConcept().setText(header.reason()));
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

    /** The attributes of {@code <kasus>}: Prabumulih's case file id, the sender's case number and revision. */
    static void writeAttributes(Task task, String hubReferralId, Element kasus) {
        XmlDocuments.attribute(kasus, PrabumulihFields.UUID, uuid(task, hubReferralId));
        task.getIdentifier().stream()
                .filter(id -> id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX))
                .findFirst()
                .map(Identifier::getValue)
                .ifPresent(value -> XmlDocuments.attribute(kasus, PrabumulihFields.NO_REG, value));
        Fhir.extensionValue(task, Canonical.EXT_REVISION, PositiveIntType.class)
                .ifPresent(revision -> XmlDocuments.attribute(kasus, PrabumulihFields.VERSI,
                        String.valueOf(revision.getValue())));
    }

    /** The elements Prabumulih puts before {@code kategori_kasus}. */
    static void writeHeader(Task task, Element kasus, RenderContext out) {
        if (task.hasCode()) {
            XmlDocuments.addText(kasus, PrabumulihFields.JENIS_RUJUKAN, out.code(PrabumulihFields.LIST_JENIS_RUJUKAN,
                    Fhir.coding(task.getCode(), Canonical.CS_REFERRAL_KIND), Canonical.CS_REFERRAL_KIND,
                    FieldReader.path(ROOT, PrabumulihFields.JENIS_RUJUKAN)));
        }
        if (task.hasAuthoredOnElement()) {
            XmlDocuments.addText(kasus, PrabumulihFields.TANGGAL_PELAPORAN, PrabumulihFormats.dateTime(out, task.getAuthoredOnElement(),
                    FieldReader.path(ROOT, PrabumulihFields.TANGGAL_PELAPORAN)));
        }
        Fhir.extensionCoding(task, Canonical.EXT_INTAKE_CHANNEL).ifPresent(channel -> XmlDocuments.addText(
                kasus, PrabumulihFields.MEDIA_PENGADUAN, out.code(PrabumulihFields.LIST_MEDIA_PENGADUAN, channel,
                        FieldReader.path(ROOT, PrabumulihFields.MEDIA_PENGADUAN))));
        Fhir.extensionCoding(task, Canonical.EXT_URGENCY).ifPresent(urgency -> XmlDocuments.addText(
                kasus, PrabumulihFields.PRIORITAS, out.code(PrabumulihFields.LIST_PRIORITAS, urgency,
                        FieldReader.path(ROOT, PrabumulihFields.PRIORITAS))));
    }

    /**
     * Prabumulih's {@code rujukan}: the region of the organisation the hub routed the referral to,
     * or else the region the sender asked for, and the sender's reason; nothing when no region is known.
     */
    static void writeReferral(Bundle bundle, Task task, Element kasus, RenderContext out) {
        String at = FieldReader.path(ROOT, PrabumulihFields.RUJUKAN);
        String field = FieldReader.path(at, PrabumulihFields.TUJUAN_KOTKAB);
        Optional<Region> owner = Bundles.resolve(bundle, task.getOwner(), Organization.class)
                .flatMap(org -> OrganizationMapper.region(org, out.regions()));
        String code = null;
        if (owner.isPresent()) {
            code = owner.get().kemendagriCompact();
        } else {
            Optional<Coding> requested = Fhir.extensionCoding(task, Canonical.EXT_REQUESTED_DESTINATION);
            if (requested.isPresent()) {
                code = PrabumulihFormats.compact(out, requested.get(), field);
            }
        }
        if (code == null) {
            return;
        }
        Element referral = XmlDocuments.add(kasus, PrabumulihFields.RUJUKAN);
        XmlDocuments.addText(referral, PrabumulihFields.TUJUAN_KOTKAB, code);
        if (task.hasReasonCode() && task.getReasonCode().hasText()) {
            XmlDocuments.addText(referral, PrabumulihFields.ALASAN, task.getReasonCode().getText());
        }
    }

    /**
     * Prabumulih's case file id: the one Prabumulih gave when the case came from Prabumulih, else
     * one derived from the hub's referral id, so that a repeated delivery carries the same id.
     */
    static String uuid(Task task, String hubReferralId) {
        return task.getIdentifier().stream()
                .filter(id -> Fhir.URI_IDENTIFIER.equals(id.getSystem()) && id.hasValue())
                .map(Identifier::getValue)
                .filter(value -> value.startsWith(Fhir.URN_UUID))
                .map(value -> value.substring(Fhir.URN_UUID.length()))
                .filter(value -> UUID_SHAPE.matcher(value).matches())
                .findFirst()
                .orElseGet(() -> UUID.nameUUIDFromBytes(
                        ("lintas-referral:" + hubReferralId).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
