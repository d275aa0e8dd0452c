package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.ReferralStatuses;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.hl7.fhir.r4.model.Coding;

/** Kukar's status updates ({@code diterima}, {@code ditolak}, ...) to and from {@link StatusChange}. */
final class StatusMapper {

    private static final int MAX_ID = 128;

    private StatusMapper() {}

    static StatusChange read(byte[] body, Participant sender, Lookups lookups) throws TranslationException {
        ObjectNode root = JsonDocuments.parseObject(body, KukarFields.ROOT);
        FieldReader in = new FieldReader(lookups);
        String id = in.text(root, "", KukarFields.ID_RUJUKAN_HUB, REQUIRED);
        if (id != null && id.length() > MAX_ID) {
            in.error(KukarFields.ID_RUJUKAN_HUB, "longer than " + MAX_ID + " characters");
        }
        Coding status = in.code(root, "", KukarFields.STATUS, KukarFields.LIST_STATUS, REQUIRED);
        String note = in.text(root, "", KukarFields.CATATAN, OPTIONAL);
        if (ReferralStatuses.isRejection(status) && note == null) {
            in.error(KukarFields.CATATAN, "required when status is ditolak (the reason)");
        }
        LocalDateTime at = in.dateTime(root, "", KukarFields.WAKTU, REQUIRED);
        in.throwIfErrors();
        return ReferralStatuses.change(id, status, note, at, sender, "kukar-to-hub");
    }

    static OutboundDocument write(StatusChange change, RenderContext out) throws TranslationException {
        ObjectNode json = JsonDocuments.object();
        json.put(KukarFields.ID_RUJUKAN_HUB, change.hubReferralId());
        JsonDocuments.putIfPresent(
                json,
                KukarFields.STATUS,
                out.code(KukarFields.LIST_STATUS, ReferralStatuses.taskStatus(change.status()), KukarFields.STATUS));
        if (change.note() != null) {
            json.put(KukarFields.CATATAN, change.note());
        }
        json.put(KukarFields.WAKTU, KukarFormats.DATE_TIME.format(out.dateTime(change.at())));
        out.throwIfErrors();
        String target =
                KukarFields.PATH_STATUS_PREFIX + pathSegment(change.hubReferralId()) + KukarFields.PATH_STATUS_SUFFIX;
        return new OutboundDocument(target, KukarFields.MEDIA_TYPE, JsonDocuments.bytes(json));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id stays one path segment. */
    static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
