package id.lintas.adapter.kukar;

import static id.lintas.adapter.kukar.FieldReader.Need.OPTIONAL;
import static id.lintas.adapter.kukar.FieldReader.Need.REQUIRED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;

/** Kukar's status updates ({@code diterima}, {@code ditolak}, ...) to and from {@link StatusChange}. */
final class StatusMapper {

    private static final String REJECTED = "rejected";
    private static final int MAX_ID = 128;

    private final Terminology terminology;
    private final RegionTable regions;

    StatusMapper(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    StatusChange read(byte[] body, Participant sender) throws TranslationException {
        ObjectNode root = KukarJson.parseObject(body);
        FieldReader in = new FieldReader(terminology, regions);
        String id = in.text(root, "", KukarFields.ID_RUJUKAN_HUB, REQUIRED);
        if (id != null && id.length() > MAX_ID) {
            in.error(KukarFields.ID_RUJUKAN_HUB, "longer than " + MAX_ID + " characters");
        }
        Coding status = in.code(root, "", KukarFields.STATUS, KukarFields.LIST_STATUS, REQUIRED);
        String note = in.text(root, "", KukarFields.CATATAN, OPTIONAL);
        if (status != null && REJECTED.equals(status.getCode()) && note == null) {
            in.error(KukarFields.CATATAN, "required when status is ditolak (the reason)");
        }
        LocalDateTime at = in.dateTime(root, "", KukarFields.WAKTU, REQUIRED);
        in.throwIfErrors();
        return new StatusChange(id, null, referralStatus(status), note, at.atZone(sender.zone()).toInstant());
    }

    OutboundDocument write(StatusChange change, Participant recipient) throws TranslationException {
        RenderContext out = new RenderContext(terminology, regions, recipient.zone());
        ObjectNode json = KukarJson.object();
        json.put(KukarFields.ID_RUJUKAN_HUB, change.hubReferralId());
        TaskMapper.putIfPresent(json, KukarFields.STATUS, out.code(KukarFields.LIST_STATUS,
                new Coding(Fhir.TASK_STATUS, change.status().taskStatus().toCode(), null), KukarFields.STATUS));
        if (change.note() != null) {
            json.put(KukarFields.CATATAN, change.note());
        }
        json.put(KukarFields.WAKTU, out.dateTime(new DateTimeType(Date.from(change.at())), KukarFields.WAKTU));
        out.throwIfErrors();
        String target = KukarFields.PATH_STATUS_PREFIX + pathSegment(change.hubReferralId()) + KukarFields.PATH_STATUS_SUFFIX;
        return new OutboundDocument(target, KukarFields.MEDIA_TYPE, KukarJson.bytes(json));
    }

    private static ReferralStatus referralStatus(Coding taskStatus) {
        return Arrays.stream(ReferralStatus.values())
                .filter(s -> s.taskStatus().toCode().equals(taskStatus.getCode()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "ConceptMap kukar-to-hub maps a status to task-status " + taskStatus.getCode()
                                + ", which ReferralStatus does not know"));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id stays one path segment. */
    static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
