package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.mapping.Lookups;
import id.lintas.contracts.mapping.ReferralStatuses;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.time.LocalDateTime;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;

/** Prabumulih's {@code <status_rujukan>} (DITERIMA, DITOLAK, SELESAI, DIBATALKAN) to and from {@link StatusChange}. */
final class StatusMapper {

    static final String ROOT = "/" + PrabumulihFields.STATUS_RUJUKAN;

    private StatusMapper() {}

    static StatusChange read(byte[] body, Participant sender, Lookups lookups) throws TranslationException {
        Element root = XmlDocuments.parseValid(body, PrabumulihFields.STATUS_RUJUKAN);
        FieldReader in = new FieldReader(lookups);
        String id = in.attribute(root, ROOT, PrabumulihFields.ID_RUJUKAN_HUB, REQUIRED);
        Coding status = in.code(
                in.attribute(root, ROOT, PrabumulihFields.STATUS, REQUIRED),
                FieldReader.attributePath(ROOT, PrabumulihFields.STATUS),
                PrabumulihFields.LIST_STATUS);
        String note = in.text(root, ROOT, PrabumulihFields.CATATAN, OPTIONAL);
        if (ReferralStatuses.isRejection(status) && note == null) {
            in.error(FieldReader.path(ROOT, PrabumulihFields.CATATAN), "required when status is DITOLAK (the reason)");
        }
        LocalDateTime at = in.dateTime(
                in.attribute(root, ROOT, PrabumulihFields.WAKTU, REQUIRED),
                FieldReader.attributePath(ROOT, PrabumulihFields.WAKTU));
        in.throwIfErrors();
        return ReferralStatuses.change(id, status, note, at, sender, "prabumulih-to-hub");
    }

    static OutboundDocument write(StatusChange change, RenderContext out) throws TranslationException {
        Element root = XmlDocuments.newDocument(PrabumulihFields.STATUS_RUJUKAN);
        XmlDocuments.attribute(root, PrabumulihFields.ID_RUJUKAN_HUB, change.hubReferralId());
        XmlDocuments.attribute(
                root,
                PrabumulihFields.STATUS,
                out.code(
                        PrabumulihFields.LIST_STATUS,
                        ReferralStatuses.taskStatus(change.status()),
                        FieldReader.attributePath(ROOT, PrabumulihFields.STATUS)));
        XmlDocuments.attribute(
                root, PrabumulihFields.WAKTU, PrabumulihFormats.DATE_TIME.format(out.dateTime(change.at())));
        if (change.note() != null && !change.note().isBlank()) {
            XmlDocuments.addText(root, PrabumulihFields.CATATAN, change.note());
        }
        out.throwIfErrors();
        XmlDocuments.requireValid(root.getOwnerDocument());
        return new OutboundDocument(
                PrabumulihFields.PATH_STATUS, PrabumulihFields.MEDIA_TYPE, XmlDocuments.bytes(root.getOwnerDocument()));
    }
}
