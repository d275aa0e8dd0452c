package id.lintas.adapter.prabumulih;

import id.lintas.contracts.mapping.MessageAdapter;
import id.lintas.contracts.mapping.ReferralParts;
import id.lintas.contracts.spi.CanonicalReferral;
import org.w3c.dom.Element;

/**
 * Prabumulih {@code <kasus>} XML to the typed referral, in three steps: the hardened parse, the
 * schema, then every part read and translated with all errors collected. The canonical Bundle is
 * written only for a document that has none.
 */
final class ReferralReader {

    private static final String KLIEN = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN);
    private static final String TERLAPOR = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TERLAPOR);

    static final MessageAdapter.Reading<CanonicalReferral> READING = new ReferralParts<Element, FieldReader>(
                    TaskMapper::read,
                    (root, in) -> ReferralParts.each(
                            in,
                            FieldReader.children(root, PrabumulihFields.KLIEN),
                            i -> FieldReader.index(KLIEN, i),
                            VictimMapper::read),
                    (root, in) -> ReferralParts.each(
                            in,
                            FieldReader.children(root, PrabumulihFields.TERLAPOR),
                            i -> FieldReader.index(TERLAPOR, i),
                            PerpetratorMapper::read),
                    ViolenceMapper::read,
                    ServiceRequestMapper::read,
                    ConsentMapper::read,
                    OfficerMapper::read)
            .reading(body -> XmlDocuments.parseValid(body, PrabumulihFields.KASUS), FieldReader::new);

    private ReferralReader() {}
}
