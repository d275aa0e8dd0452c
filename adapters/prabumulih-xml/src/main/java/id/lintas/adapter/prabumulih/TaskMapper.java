package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/** The referral itself: the attributes and top-level elements of {@code <kasus>}. */
final class TaskMapper {

    static final String ROOT = "/" + PrabumulihFields.KASUS;

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TaskMapper() {}

    /**
     * Prabumulih's top-level fields, read and translated: its own id of the case file (kept, so a
     * case sent back to Prabumulih names the file it came from), and why it refers the case
     * ({@code rujukan/alasan}). The sender's local times are taken in its zone.
     */
    static Referral.Builder read(Element root, FieldReader in, Participant sender) {
        String uuid = in.attribute(root, ROOT, PrabumulihFields.UUID, REQUIRED);
        String caseNumber = in.attribute(root, ROOT, PrabumulihFields.NO_REG, REQUIRED);
        Integer revision = in.integer(
                in.attribute(root, ROOT, PrabumulihFields.VERSI, OPTIONAL),
                FieldReader.attributePath(ROOT, PrabumulihFields.VERSI),
                1,
                Integer.MAX_VALUE);
        Coding kind =
                in.code(root, ROOT, PrabumulihFields.JENIS_RUJUKAN, PrabumulihFields.LIST_JENIS_RUJUKAN, REQUIRED);
        LocalDateTime reportedAt = in.dateTime(
                in.text(root, ROOT, PrabumulihFields.TANGGAL_PELAPORAN, REQUIRED),
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
            destination = in.region(
                    in.text(referral, at, PrabumulihFields.TUJUAN_KOTKAB, REQUIRED),
                    FieldReader.path(at, PrabumulihFields.TUJUAN_KOTKAB));
            reason = in.text(referral, at, PrabumulihFields.ALASAN, OPTIONAL);
        }
        Referral.Builder builder = Referral.builder()
                .sourceCaseNumber(caseNumber)
                .revision(revision == null ? 1 : revision)
                .kind(kind == null ? null : ReferralKind.valueOf(kind.getCode()))
                .urgency(urgency == null ? null : Urgency.valueOf(urgency.getCode()))
                .authoredOn(reportedAt == null ? null : FieldReader.senderTime(reportedAt, sender))
                .intakeChannel(FieldReader.hubCode(channel))
                .requestedDestination(destination)
                .reason(reason);
        if (uuid != null) {
            builder.identifier(new ExternalIdentifier(
                    PrabumulihFields.URI_IDENTIFIER, PrabumulihFields.URN_UUID + uuid.toLowerCase(Locale.ROOT)));
        }
        return builder;
    }

    /** The attributes of {@code <kasus>}: Prabumulih's case file id, the sender's case number and revision. */
    static void writeAttributes(Referral referral, String hubReferralId, Element kasus) {
        XmlDocuments.attribute(kasus, PrabumulihFields.UUID, uuid(referral, hubReferralId));
        XmlDocuments.attribute(kasus, PrabumulihFields.NO_REG, referral.sourceCaseNumber());
        XmlDocuments.attribute(kasus, PrabumulihFields.VERSI, String.valueOf(referral.revision()));
    }

    /** The elements Prabumulih puts before {@code kategori_kasus}. */
    static void writeHeader(Referral referral, Element kasus, RenderContext out) {
        if (referral.kind() != null) {
            XmlDocuments.addText(
                    kasus,
                    PrabumulihFields.JENIS_RUJUKAN,
                    out.code(
                            PrabumulihFields.LIST_JENIS_RUJUKAN,
                            Canonical.CS_REFERRAL_KIND,
                            referral.kind().name(),
                            FieldReader.path(ROOT, PrabumulihFields.JENIS_RUJUKAN)));
        }
        if (referral.authoredOn() != null) {
            XmlDocuments.addText(
                    kasus,
                    PrabumulihFields.TANGGAL_PELAPORAN,
                    PrabumulihFormats.DATE_TIME.format(out.dateTime(referral.authoredOn())));
        }
        XmlDocuments.addText(
                kasus,
                PrabumulihFields.MEDIA_PENGADUAN,
                out.code(
                        PrabumulihFields.LIST_MEDIA_PENGADUAN,
                        Canonical.CS_INTAKE_CHANNEL,
                        referral.intakeChannel(),
                        FieldReader.path(ROOT, PrabumulihFields.MEDIA_PENGADUAN)));
        if (referral.urgency() != null) {
            XmlDocuments.addText(
                    kasus,
                    PrabumulihFields.PRIORITAS,
                    out.code(
                            PrabumulihFields.LIST_PRIORITAS,
                            Canonical.CS_URGENCY,
                            referral.urgency().name(),
                            FieldReader.path(ROOT, PrabumulihFields.PRIORITAS)));
        }
    }

    /**
     * Prabumulih's {@code rujukan}: the region of the organisation the hub routed the referral to,
     * or else the region the sender asked for, and the sender's reason; nothing when no region is known.
     */
    static void writeReferral(Referral referral, Element kasus, RenderContext out) {
        String at = FieldReader.path(ROOT, PrabumulihFields.RUJUKAN);
        Region region = out.destination(referral);
        String code = region == null
                ? null
                : PrabumulihFormats.compact(out, region, FieldReader.path(at, PrabumulihFields.TUJUAN_KOTKAB));
        if (code == null) {
            return;
        }
        Element element = XmlDocuments.add(kasus, PrabumulihFields.RUJUKAN);
        XmlDocuments.addText(element, PrabumulihFields.TUJUAN_KOTKAB, code);
        XmlDocuments.addText(element, PrabumulihFields.ALASAN, referral.reason());
    }

    /**
     * Prabumulih's case file id: the one Prabumulih gave when the case came from Prabumulih, else
     * one derived from the hub's referral id, so that a repeated delivery carries the same id.
     */
    static String uuid(Referral referral, String hubReferralId) {
        return referral.identifiers().stream()
                .filter(id -> PrabumulihFields.URI_IDENTIFIER.equals(id.system()))
                .map(ExternalIdentifier::value)
                .filter(value -> value.startsWith(PrabumulihFields.URN_UUID))
                .map(value -> value.substring(PrabumulihFields.URN_UUID.length()))
                .filter(value -> UUID_SHAPE.matcher(value).matches())
                .findFirst()
                .orElseGet(() -> UUID.nameUUIDFromBytes(
                                ("lintas-referral:" + hubReferralId).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }
}
