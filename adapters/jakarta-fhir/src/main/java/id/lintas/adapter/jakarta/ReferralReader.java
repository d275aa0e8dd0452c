package id.lintas.adapter.jakarta;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.TranslationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A Jakarta {@code rujukan-baru} message to the canonical referral. The readers of each of Jakarta's
 * resources collect every error; the canonical Bundle is built only from a message that has none.
 */
final class ReferralReader {

    /** Relationships that make a case domestic violence (UU 23/2004 PKDRT): the victim's record is labelled SDV. */
    private static final Set<String> HOUSEHOLD = Set.of("ORANG_TUA", "KELUARGA", "PASANGAN");
    private static final String FORM_SEXUAL = "SEKSUAL";
    private static final String BASIS_CONSENT = "PERSETUJUAN";

    private final Codes codes;
    private final RegionTable regions;
    private final TaskReader tasks;
    private final PatientReader patients;
    private final ConditionReader conditions;
    private final PerpetratorReader perpetrators;
    private final ConsentReader consents = new ConsentReader();

    ReferralReader(Codes codes, RegionTable regions) {
        this.codes = codes;
        this.regions = regions;
        this.tasks = new TaskReader(codes, regions);
        this.patients = new PatientReader(regions);
        this.conditions = new ConditionReader(codes, regions);
        this.perpetrators = new PerpetratorReader(codes);
    }

    CanonicalReferral read(MessageParser.Message message, Participant sender) throws TranslationException {
        Inbound in = new Inbound(message, sender);
        Optional<Region> senderRegion = regions.byKemendagri(sender.regionKemendagri());
        Task task = tasks.read(in, senderRegion);
        List<Coding> services = tasks.services(in);
        List<Patient> jakartaVictims = patients.victims(in);
        List<Patient> victims = new ArrayList<>();
        for (Patient patient : jakartaVictims) {
            victims.add(patients.read(patient, in.errors()));
        }
        ConditionReader.Incidents incidents = conditions.read(in, jakartaVictims);
        List<PerpetratorReader.Perpetrator> perpetratorList = perpetrators.read(in);
        List<ConsentReader.Answer> answers = consents.read(in, jakartaVictims);
        Optional<Region> destination = tasks.destination(in);
        in.errors().throwIfAny();
        if (victims.isEmpty()) {
            throw new TranslationException("Task.for", "required: the victim (a Patient in the Bundle)");
        }
        return assemble(in, task, services, jakartaVictims, victims, incidents, perpetratorList, answers,
                senderRegion, destination);
    }

    private CanonicalReferral assemble(Inbound in, Task task, List<Coding> services, List<Patient> jakartaVictims,
            List<Patient> victims, ConditionReader.Incidents incidents, List<PerpetratorReader.Perpetrator> perpetratorList,
            List<ConsentReader.Answer> answers, Optional<Region> senderRegion, Optional<Region> destination) {
        Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Bundles.add(out, task);
        // Entries in the order a reader expects; references are set once every entry has its urn:uuid.
        List<ServiceRequest> requests = new ArrayList<>();
        for (Coding service : services) {
            ServiceRequest request = new ServiceRequest();
            Fhir.profile(request, Canonical.PROFILE_SERVICE_REQUEST);
            request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
            request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            request.setCode(new CodeableConcept(service));
            requests.add(request);
            task.addBasedOn(Bundles.add(out, request));
        }
        Map<Patient, Reference> refs = new IdentityHashMap<>();
        List<Reference> victimOrder = new ArrayList<>();
        for (int i = 0; i < jakartaVictims.size(); i++) {
            Reference ref = Bundles.add(out, victims.get(i));
            refs.put(jakartaVictims.get(i), ref);
            victimOrder.add(ref);
        }
        Reference first = victimOrder.get(0);
        for (ConditionReader.Incident incident : incidents.forms()) {
            Bundles.add(out, condition(incident, refs.get(incident.victim())));
        }
        for (PerpetratorReader.Perpetrator perpetrator : perpetratorList) {
            Bundles.add(out, perpetrator(perpetrator, first));
        }
        for (ConsentReader.Answer answer : answers) {
            Reference victim = refs.get(answer.victim());
            Reference performer = answer.giver() == null ? victim.copy() : Bundles.add(out, giver(answer.giver(), victim));
            Bundles.add(out, consent(answer, victim, performer));
        }
        Reference requester = Bundles.add(out, senderOrganization(in.sender(), senderRegion));
        destination.ifPresent(region -> task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, Fhir.regionCoding(region)));

        boolean sensitive = incidents.forms().stream().anyMatch(f -> FORM_SEXUAL.equals(f.form().getCode()))
                || perpetratorList.stream().anyMatch(p -> p.relationship() != null && HOUSEHOLD.contains(p.relationship().getCode()));
        if (sensitive) {
            victims.forEach(p -> p.getMeta().addSecurity(
                    new Coding(Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, Fhir.SDV_DISPLAY)));
        }
        requests.forEach(r -> r.setSubject(first).setRequester(requester));
        task.setRequester(requester);
        task.setFor(first);
        for (Reference victim : victimOrder) {
            task.addInput()
                    .setType(new CodeableConcept(codes.hub(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                    .setValue(victim);
        }
        if (!incidents.chronology().isEmpty()) {
            task.addNote().setText(String.join("\n\n", incidents.chronology()));
        }
        String caseNumber = task.getIdentifierFirstRep().getValue();
        int revision = Fhir.extensionValue(task, Canonical.EXT_REVISION, PositiveIntType.class)
                .map(PositiveIntType::getValue).orElse(1);
        return new CanonicalReferral(caseNumber, revision, out);
    }

    private Condition condition(ConditionReader.Incident incident, Reference victim) {
        Condition condition = new Condition();
        Fhir.profile(condition, Canonical.PROFILE_VIOLENCE);
        condition.setClinicalStatus(new CodeableConcept(new Coding(JakartaFhir.CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept(
                new Coding(JakartaFhir.CONDITION_VERIFICATION, "provisional", "Provisional")));
        condition.addCategory(new CodeableConcept(codes.hub(Canonical.CS_CONDITION_CATEGORY, Fhir.CONDITION_CATEGORY_VIOLENCE)));
        condition.setCode(new CodeableConcept(incident.form().copy()));
        condition.setSubject(victim.copy());
        if (incident.onset() != null) {
            condition.setOnset(incident.onset().copy());
        }
        if (incident.region() != null) {
            condition.addExtension(Canonical.EXT_INCIDENT_REGION, incident.region().copy());
        }
        return condition;
    }

    private RelatedPerson perpetrator(PerpetratorReader.Perpetrator perpetrator, Reference firstVictim) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_PERPETRATOR);
        if (perpetrator.relationship() != null) {
            person.addRelationship(new CodeableConcept(perpetrator.relationship()));
        }
        person.addRelationship(new CodeableConcept(codes.hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        if (perpetrator.name() != null) {
            person.addName().setText(perpetrator.name());
        }
        if (perpetrator.gender() != null) {
            person.setGender(perpetrator.gender());
        }
        // The model links every perpetrator to the first victim (RelatedPerson.patient is 1..1).
        person.setPatient(firstVictim.copy());
        return person;
    }

    /** A consent-giver RelatedPerson (no name) when a parent or guardian gave consent. */
    private RelatedPerson giver(String giver, Reference victim) {
        RelatedPerson person = new RelatedPerson();
        Fhir.profile(person, Canonical.PROFILE_CONSENT_GIVER);
        person.setPatient(victim.copy());
        person.addRelationship(new CodeableConcept(codes.hub(Canonical.CS_CONSENT_GIVER, giver)));
        person.addRelationship(new CodeableConcept(codes.hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
        return person;
    }

    private Consent consent(ConsentReader.Answer answer, Reference victim, Reference performer) {
        Consent consent = new Consent();
        Fhir.profile(consent, Canonical.PROFILE_CONSENT);
        consent.setStatus(answer.permit() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
        consent.setScope(new CodeableConcept(
                new Coding(JakartaFhir.CONSENT_SCOPE, JakartaFhir.CONSENT_SCOPE_PRIVACY, "Privacy Consent")));
        consent.addCategory(new CodeableConcept(
                new Coding(JakartaFhir.LOINC, JakartaFhir.LOINC_PRIVACY_CONSENT, "Patient Consent")));
        consent.setPatient(victim.copy());
        if (answer.dateTime() != null) {
            consent.setDateTimeElement(answer.dateTime().copy());
        }
        consent.addPerformer(performer);
        consent.setPolicyRule(new CodeableConcept(codes.hub(Canonical.CS_LAWFUL_BASIS, BASIS_CONSENT)));
        consent.getProvision().setType(answer.permit() ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        return consent;
    }

    private static Organization senderOrganization(Participant sender, Optional<Region> senderRegion) {
        Organization organization = new Organization();
        organization.addIdentifier(new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(sender.id()));
        if (sender.organisationName() != null) {
            organization.setName(sender.organisationName());
        }
        senderRegion.ifPresent(r -> organization.addAddress().addExtension(Fhir.administrativeCode(r, null)));
        return organization;
    }
}
