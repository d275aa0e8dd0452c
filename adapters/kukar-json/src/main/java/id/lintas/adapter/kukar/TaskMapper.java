package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.Participant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/** The referral itself: Kukar's top-level fields. */
final class TaskMapper {

    private static final int MAX_CASE_NUMBER = 64;

    private TaskMapper() {}

    /** Kukar's top-level fields, read and translated; the sender's local times are taken in its zone. */
    static Referral.Builder read(JsonNode root, FieldReader in, Participant sender) {
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
        return Referral.builder()
                .sourceCaseNumber(caseNumber)
                .revision(revision == null ? 1 : revision)
                .kind(kind == null ? null : ReferralKind.valueOf(kind.getCode()))
                .authoredOn(reportedAt == null ? null : FieldReader.senderTime(reportedAt, sender))
                .intakeChannel(FieldReader.hubCode(channel))
                .urgency(urgency == null ? null : Urgency.valueOf(urgency.getCode()))
                .requestedDestination(region);
    }

    /** Writes the top-level fields Kukar puts before {@code korban}. */
    static void write(Referral referral, ObjectNode json, RenderContext out) {
        JsonDocuments.putIfPresent(json, KukarFields.NO_REGISTRASI, referral.sourceCaseNumber());
        json.put(KukarFields.REVISI, referral.revision());
        if (referral.kind() != null) {
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.JENIS_RUJUKAN,
                    out.code(
                            KukarFields.LIST_JENIS_RUJUKAN,
                            Canonical.CS_REFERRAL_KIND,
                            referral.kind().name(),
                            KukarFields.JENIS_RUJUKAN));
        }
        if (referral.authoredOn() != null) {
            json.put(KukarFields.TGL_LAPOR, KukarFormats.dateTime(out, referral.authoredOn()));
        }
        JsonDocuments.putIfPresent(
                json,
                KukarFields.MEDIA_PENGADUAN,
                out.code(
                        KukarFields.LIST_MEDIA_PENGADUAN,
                        Canonical.CS_INTAKE_CHANNEL,
                        referral.intakeChannel(),
                        KukarFields.MEDIA_PENGADUAN));
        if (referral.urgency() != null) {
            JsonDocuments.putIfPresent(
                    json,
                    KukarFields.URGENSI,
                    out.code(
                            KukarFields.LIST_URGENSI,
                            Canonical.CS_URGENCY,
                            referral.urgency().name(),
                            KukarFields.URGENSI));
        }
    }

    /**
     * Kukar's {@code tujuan}: the region of the organisation the hub routed the referral to, or
     * else the region the sender asked for; nothing when neither is known.
     */
    static Optional<ObjectNode> writeDestination(Referral referral, RenderContext out) {
        String field = FieldReader.path(KukarFields.TUJUAN, KukarFields.KODE_WILAYAH);
        Region region = out.destination(referral);
        String code = region == null
                ? null
                : out.known(region, field)
                        .map(r -> KukarFormats.bps(out, r, field))
                        .orElse(null);
        if (code == null) {
            return Optional.empty();
        }
        ObjectNode destination = JsonDocuments.object();
        destination.put(KukarFields.KODE_WILAYAH, code);
        return Optional.of(destination);
    }
}
