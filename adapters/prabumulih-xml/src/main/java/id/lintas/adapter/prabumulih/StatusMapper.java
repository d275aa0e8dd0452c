package id.lintas.adapter.prabumulih;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import id.lintas.contracts.mapping.ReferralStatuses;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Prabumulih's {@code <status_rujukan>} (DITERIMA, DITOLAK, SELESAI, DIBATALKAN) to and from {@link StatusChange}. */
final class StatusMapper {

    static final String ROOT = "/" + PrabumulihFields.STATUS_RUJUKAN;

    private final Terminology terminology;
    private final RegionTable regions;

    StatusMapper(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    StatusChange read(byte[] body, Participant sender) throws TranslationException {
        Document document = XmlDocuments.parse(body, PrabumulihFields.STATUS_RUJUKAN);
        List<FieldError> schemaErrors = XmlDocuments.schemaErrors(document);
        if (!schemaErrors.isEmpty()) {
            throw new TranslationException(schemaErrors);
        }
        Element root = document.getDocumentElement();
        FieldReader in = new FieldReader(terminology, regions);
        String id = in.attribute(root, ROOT, PrabumulihFields.ID_RUJUKAN_HUB, REQUIRED);
        Coding status = in.code(in.attribute(root, ROOT, PrabumulihFields.STATUS, REQUIRED),
                FieldReader.attributePath(ROOT, PrabumulihFields.STATUS), PrabumulihFields.LIST_STATUS);
        String note = in.text(root, ROOT, PrabumulihFields.CATATAN, OPTIONAL);
        if (ReferralStatuses.isRejection(status) && note == null) {
            in.error(FieldReader.path(ROOT, PrabumulihFields.CATATAN), "required when status is DITOLAK (the reason)");
        }
        LocalDateTime at = in.dateTime(in.attribute(root, ROOT, PrabumulihFields.WAKTU, REQUIRED),
                FieldReader.attributePath(ROOT, PrabumulihFields.WAKTU));
        in.throwIfErrors();
        return ReferralStatuses.change(id, status, note, at, sender, "prabumulih-to-hub");
    }

    OutboundDocument write(StatusChange change, Participant recipient) throws TranslationException {
        RenderContext out = new RenderContext(terminology, regions, PrabumulihFields.REGION, recipient.zone());
        Element root = XmlDocuments.newDocument(PrabumulihFields.STATUS_RUJUKAN);
        XmlDocuments.attribute(root, PrabumulihFields.ID_RUJUKAN_HUB, change.hubReferralId());
        XmlDocuments.attribute(root, PrabumulihFields.STATUS, out.code(PrabumulihFields.LIST_STATUS,
                ReferralStatuses.taskStatus(change.status()),
                FieldReader.attributePath(ROOT, PrabumulihFields.STATUS)));
        XmlDocuments.attribute(root, PrabumulihFields.WAKTU, PrabumulihFormats.dateTime(out, new DateTimeType(Date.from(change.at())),
                FieldReader.attributePath(ROOT, PrabumulihFields.WAKTU)));
        if (change.note() != null && !change.note().isBlank()) {
            XmlDocuments.addText(root, PrabumulihFields.CATATAN, change.note());
        }
        out.throwIfErrors();
        XmlDocuments.requireValid(root.getOwnerDocument());
        return new OutboundDocument(
                PrabumulihFields.PATH_STATUS, PrabumulihFields.MEDIA_TYPE, XmlDocuments.bytes(root.getOwnerDocument()));
    }
}
