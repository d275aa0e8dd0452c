package id.lintas.adapter.kukar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.mapping.Need;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
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

/**
 * Kukar referral JSON to the canonical Bundle. Every field is read and checked first, with all
 * errors collected; the Bundle is built only from a message that has none.
 */
final class ReferralReader {

    private final Terminology terminology;
    private final RegionTable regions;

    ReferralReader(Terminology terminology, RegionTable regions) {
        this.terminology = terminology;
        this.regions = regions;
    }

    CanonicalReferral read(byte[] body, Participant sender) throws TranslationException {
        ObjectNode root = KukarJson.parseObject(body);
        FieldReader in = new FieldReader(terminology, regions);

        TaskMapper.Header header = TaskMapper.read(root, in);
        List<Patient> victims = new ArrayList<>();
        List<JsonNode> victimNodes = in.objects(root, "", KukarFields.KORBAN, Need.REQUIRED);
        for (int i = 0; i < victimNodes.size(); i++) {
            if (victimNodes.get(i) != null) {
                victims.add(VictimMapper.read(victimNodes.get(i), FieldReader.index(KukarFields.KORBAN, i), in));
            }
        }
        List<RelatedPerson> perpetrators = new ArrayList<>();
        List<JsonNode> perpetratorNodes = in.objects(root, "", KukarFields.PELAKU, Need.OPTIONAL);
        for (int i = 0; i < perpetratorNodes.size(); i++) {
            if (perpetratorNodes.get(i) != null) {
                perpetrators.add(PerpetratorMapper.read(
                        perpetratorNodes.get(i), FieldReader.index(KukarFields.PELAKU, i), in, terminology));
            }
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
