package id.lintas.adapter.kukar;

import static id.lintas.contracts.mapping.Need.OPTIONAL;
import static id.lintas.contracts.mapping.Need.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.MessageAdapter;
import id.lintas.contracts.mapping.ReferralParts;
import id.lintas.contracts.spi.CanonicalReferral;

/**
 * Kukar referral JSON to the typed referral, part by part in the order of FORMAT.md; the canonical
 * Bundle is written only for a message without errors.
 */
final class ReferralReader {

    static final MessageAdapter.Reading<CanonicalReferral> READING = new ReferralParts<JsonNode, FieldReader>(
                    TaskMapper::read,
                    (root, in) -> ReferralParts.each(
                            in,
                            in.objects(root, "", KukarFields.KORBAN, REQUIRED),
                            i -> FieldReader.index(KukarFields.KORBAN, i),
                            VictimMapper::read),
                    (root, in) -> ReferralParts.each(
                            in,
                            in.objects(root, "", KukarFields.PELAKU, OPTIONAL),
                            i -> FieldReader.index(KukarFields.PELAKU, i),
                            PerpetratorMapper::read),
                    ViolenceMapper::read,
                    ServiceRequestMapper::read,
                    ConsentMapper::read,
                    OfficerMapper::read)
            .reading(body -> JsonDocuments.parseObject(body, KukarFields.ROOT), FieldReader::new);

    private ReferralReader() {}
}
