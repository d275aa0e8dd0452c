package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;

/**
 * The canonical Bundle to the JSON Kukar receives on {@code /api/rujukan-masuk}. The hub has
 * already removed what the agreement does not let Kukar see, so whatever the Bundle lacks is left
 * out of the JSON: never sent empty, never filled in.
 */
final class ReferralWriter {

    private final Terminology terminology;
    private final RegionTable regions;

    ReferralWriter(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    OutboundDocument write(OutboundReferral referral, Participant receiver) throws TranslationException {
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);
        RenderContext out = new RenderContext(terminology, regions, KukarFields.REGION, receiver.zone());

        ObjectNode json = KukarJson.object();
        json.put(KukarFields.ID_RUJUKAN_HUB, referral.hubReferralId());
        TaskMapper.write(task, json, out);

        List<Patient> victims = VictimMapper.victims(bundle, task);
        if (!victims.isEmpty()) {
            ArrayNode array = json.putArray(KukarFields.KORBAN);
            for (int i = 0; i < victims.size(); i++) {
                array.add(VictimMapper.write(victims.get(i), FieldReader.index(KukarFields.KORBAN, i), out));
            }
        }
        PerpetratorMapper.write(bundle, out).ifPresent(array -> json.set(KukarFields.PELAKU, array));
        String chronology = task.hasNote() && task.getNoteFirstRep().hasText() ? task.getNoteFirstRep().getText() : null;
        ViolenceMapper.writeIncident(bundle, chronology, out).ifPresent(incident -> json.set(KukarFields.KEJADIAN, incident));
        ViolenceMapper.writeForms(bundle, out).ifPresent(forms -> json.set(KukarFields.BENTUK_KEKERASAN, forms));
        ServiceRequestMapper.write(bundle, task, out).ifPresent(services -> json.set(KukarFields.LAYANAN_DIMINTA, services));
        TaskMapper.writeDestination(bundle, task, out).ifPresent(destination -> json.set(KukarFields.TUJUAN, destination));
        ConsentMapper.write(bundle, victims, out).ifPresent(consent -> json.set(KukarFields.PERSETUJUAN, consent));
        OfficerMapper.write(bundle, task).ifPresent(officer -> json.set(KukarFields.PETUGAS, officer));
        json.set(KukarFields.ASAL, origin(referral.sender(), out));

        out.throwIfErrors();
        return new OutboundDocument(KukarFields.PATH_REFERRAL, KukarFields.MEDIA_TYPE, KukarJson.bytes(json));
    }

    /** Kukar's {@code asal}: the sending region as a BPS code and the sending organisation's name. */
    private ObjectNode origin(Participant sender, RenderContext out) {
        ObjectNode origin = KukarJson.object();
        String field = FieldReader.path(KukarFields.ASAL, KukarFields.KODE_WILAYAH);
        Optional<Region> region = regions.byKemendagri(sender.regionKemendagri());
        if (region.isPresent()) {
            TaskMapper.putIfPresent(origin, KukarFields.KODE_WILAYAH, KukarFormats.bps(out, region.get(), field));
        } else {
            out.error(field, "unknown Kemendagri region '" + sender.regionKemendagri() + "'");
        }
        TaskMapper.putIfPresent(origin, KukarFields.INSTANSI, sender.organisationName());
        return origin;
    }
}
