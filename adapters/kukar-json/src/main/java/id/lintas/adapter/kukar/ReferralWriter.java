package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.mapping.JsonDocuments;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.util.Optional;

/**
 * The typed referral to the JSON Kukar receives on {@code /api/rujukan-masuk}. The hub has already
 * removed what the agreement does not let Kukar see, so whatever the referral lacks is left out of
 * the JSON: never sent empty, never filled in.
 */
final class ReferralWriter {

    private ReferralWriter() {}

    static OutboundDocument write(OutboundReferral outbound, RenderContext out) throws TranslationException {
        Referral referral = outbound.referral();

        ObjectNode json = JsonDocuments.object();
        json.put(KukarFields.ID_RUJUKAN_HUB, outbound.hubReferralId());
        TaskMapper.write(referral, json, out);
        if (!referral.victims().isEmpty()) {
            ArrayNode array = json.putArray(KukarFields.KORBAN);
            for (int i = 0; i < referral.victims().size(); i++) {
                array.add(VictimMapper.write(referral.victims().get(i), FieldReader.index(KukarFields.KORBAN, i), out));
            }
        }
        PerpetratorMapper.write(referral, out).ifPresent(array -> json.set(KukarFields.PELAKU, array));
        ViolenceMapper.writeIncident(referral, out).ifPresent(incident -> json.set(KukarFields.KEJADIAN, incident));
        ViolenceMapper.writeForms(referral, out).ifPresent(forms -> json.set(KukarFields.BENTUK_KEKERASAN, forms));
        ServiceRequestMapper.write(referral, out)
                .ifPresent(services -> json.set(KukarFields.LAYANAN_DIMINTA, services));
        TaskMapper.writeDestination(referral, out).ifPresent(destination -> json.set(KukarFields.TUJUAN, destination));
        ConsentMapper.write(referral, out).ifPresent(consent -> json.set(KukarFields.PERSETUJUAN, consent));
        OfficerMapper.write(referral).ifPresent(officer -> json.set(KukarFields.PETUGAS, officer));
        json.set(KukarFields.ASAL, origin(outbound.sender(), out));

        out.throwIfErrors();
        return new OutboundDocument(KukarFields.PATH_REFERRAL, KukarFields.MEDIA_TYPE, JsonDocuments.bytes(json));
    }

    /** Kukar's {@code asal}: the sending region as a BPS code and the sending organisation's name. */
    private static ObjectNode origin(Participant sender, RenderContext out) {
        ObjectNode origin = JsonDocuments.object();
        String field = FieldReader.path(KukarFields.ASAL, KukarFields.KODE_WILAYAH);
        Optional<Region> region = out.regions().byKemendagri(sender.regionKemendagri());
        if (region.isPresent()) {
            JsonDocuments.putIfPresent(origin, KukarFields.KODE_WILAYAH, KukarFormats.bps(out, region.get(), field));
        } else {
            out.error(field, "unknown Kemendagri region '" + sender.regionKemendagri() + "'");
        }
        JsonDocuments.putIfPresent(origin, KukarFields.INSTANSI, sender.organisationName());
        return origin;
    }
}
