package id.lintas.adapter.prabumulih;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.terminology.Terminology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Prabumulih {@code <kasus>} XML to the canonical Bundle, in three steps: the hardened parse, the
 * schema, then every field read and translated with all errors collected. The Bundle is built only
 * from a document that has none.
 */
final class ReferralReader {

    private final Terminology terminology;
    private final RegionTable regions;

    ReferralReader(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    CanonicalReferral read(byte[] body, Participant sender) throws TranslationException {
        Document document = XmlDocuments.parse(body, PrabumulihFields.KASUS);
        List<FieldError> schemaErrors = XmlDocuments.schemaErrors(document);
        if (!schemaErrors.isEmpty()) {
            throw new TranslationException(schemaErrors);
        }
        Element root = document.getDocumentElement();
        FieldReader in = new FieldReader(terminology, regions);

        TaskMapper.Header header = TaskMapper.read(root, in);
        List<Patient> victims = new ArrayList<>();
        List<Element> clients = FieldReader.children(root, PrabumulihFields.KLIEN);
        String clientsAt = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.KLIEN);
        for (int i = 0; i < clients.size(); i++) {
            victims.add(VictimMapper.read(clients.get(i), FieldReader.index(clientsAt, i), in));
        }
        List<RelatedPerson> perpetrators = new ArrayList<>();
        List<Element> reported = FieldReader.children(root, PrabumulihFields.TERLAPOR);
        String reportedAt = FieldReader.path(TaskMapper.ROOT, PrabumulihFields.TERLAPOR);
        for (int i = 0; i < reported.size(); i++) {
            perpetrators.add(PerpetratorMapper.read(reported.get(i), FieldReader.index(reportedAt, i), in, terminology));
        }
        ViolenceMapper.Incident incident = ViolenceMapper.read(root, in);
        List<Coding> services = ServiceRequestMapper.read(root, in);
        ConsentMapper.Terms consent = ConsentMapper.read(root, in, terminology);
        Practitioner officer = OfficerMapper.read(root, in);
        in.throwIfErrors();

        Bundle bundle = assemble(header, victims, perpetrators, incident, services, consent, officer, sender);
        return new CanonicalReferral(header.caseNumber(), header.revision(), bundle);
    }

    private Bundle assemble(TaskMapper.Header header, List<Patient> victims, List<RelatedPerson> perpetrators,
            ViolenceMapper.Incident incident, List<Coding> services, ConsentMapper.Terms consent,
            Practitioner officer, Participant sender) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Optional<Region> senderRegion = regions.byKemendagri(sender.regionKemendagri());

        // Entries go in the order a reader expects (the referral first); references are set once
        // every entry has its urn:uuid.
        Task task = TaskMapper.toTask(header, incident.chronology(), sender, senderRegion);
        Bundles.add(bundle, task);
        List<ServiceRequest> requests = new ArrayList<>();
        List<Reference> requestRefs = new ArrayList<>();
        for (Coding service : services) {
            ServiceRequest request = ServiceRequestMapper.toServiceRequest(service);
            requests.add(request);
            requestRefs.add(Bundles.add(bundle, request));
        }
        List<Reference> victimRefs = new ArrayList<>();
        for (Patient victim : victims) {
            if (incident.isSexualOrDomestic()) {
                VictimMapper.labelSensitive(victim);
            }
            victimRefs.add(Bundles.add(bundle, victim));
        }
        for (Reference victim : victimRefs) {
            ViolenceMapper.toConditions(incident, victim, terminology).forEach(c -> Bundles.add(bundle, c));
        }
        for (RelatedPerson perpetrator : perpetrators) {
            PerpetratorMapper.link(perpetrator, victimRefs.get(0));
            Bundles.add(bundle, perpetrator);
        }
        List<Consent> consents = new ArrayList<>();
        for (Reference victim : victimRefs) {
            Reference performer = ConsentMapper.toConsentGiver(consent, victim, terminology)
                    .map(giver -> Bundles.add(bundle, giver))
                    .orElse(victim);
            consents.add(ConsentMapper.toConsent(consent, victim, performer));
        }
        consents.forEach(c -> Bundles.add(bundle, c));
        Reference requester = Bundles.add(bundle, OrganizationMapper.sender(sender, senderRegion));
        Reference officerRef = officer == null ? null : Bundles.add(bundle, officer);

        requests.forEach(request -> ServiceRequestMapper.link(request, victimRefs.get(0), requester));
        TaskMapper.link(task, terminology, requester, victimRefs, requestRefs, officerRef);
        return bundle;
    }
}
