package id.lintas.adapter.prabumulih;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.mapping.RenderContext;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Element;

/**
 * The canonical Bundle to the {@code <kasus>} Prabumulih receives on
 * {@code /satulayanan/api/v2/rujukan}. The hub has already removed what the agreement does not let
 * Prabumulih see, so whatever the Bundle lacks is left out of the XML: never sent empty, never
 * filled in. The document is checked against the schema before it leaves: what Prabumulih's
 * format requires and the Bundle cannot give is a {@link TranslationException} naming the element.
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
        RenderContext out = new RenderContext(terminology, regions, PrabumulihFields.REGION, receiver.zone());
        List<Patient> victims = VictimMapper.victims(bundle, task);

        // Elements are appended in the order of the schema's sequence.
        Element kasus = XmlDocuments.newDocument(PrabumulihFields.KASUS);
        TaskMapper.writeAttributes(task, referral.hubReferralId(), kasus);
        XmlDocuments.addText(kasus, PrabumulihFields.ID_RUJUKAN_HUB, referral.hubReferralId());
        OrganizationMapper.writeOrigin(referral.sender(), out, kasus);
        TaskMapper.writeHeader(task, kasus, out);
        XmlDocuments.addText(kasus, PrabumulihFields.KATEGORI_KASUS,
                CaseCategory.derive(bundle, task, victims, receiver.zone()));
        String victimsAt = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN);
        for (int i = 0; i < victims.size(); i++) {
            VictimMapper.write(victims.get(i), FieldReader.index(victimsAt, i), out, kasus);
        }
        PerpetratorMapper.write(bundle, out, kasus);
        String chronology = task.hasNote() && task.getNoteFirstRep().hasText() ? task.getNoteFirstRep().getText() : null;
        ViolenceMapper.write(bundle, chronology, out, kasus);
        ServiceRequestMapper.write(bundle, task, out, kasus);
        TaskMapper.writeReferral(bundle, task, kasus, out);
        ConsentMapper.write(bundle, victims, out, kasus);
        OfficerMapper.write(bundle, task, referral.sender().organisationName(), kasus);

        out.throwIfErrors();
        XmlDocuments.requireValid(kasus.getOwnerDocument());
        return new OutboundDocument(
                PrabumulihFields.PATH_REFERRAL, PrabumulihFields.MEDIA_TYPE, XmlDocuments.bytes(kasus.getOwnerDocument()));
    }
}
