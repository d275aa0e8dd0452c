package id.lintas.contracts.canonical;

import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.terminology.Terminology;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * The typed referral as the canonical Bundle (docs/canonical-model.md): with {@link CanonicalReader}
 * the only code that knows the model's profiles and extension URLs. Hub codes get the display their
 * CodeSystem gives; regions get their Kemendagri name. Stateless and thread-safe.
 *
 * <p>Entries are written in one order: Task, ServiceRequests, Patients, Conditions (per victim, per
 * form of the victim's incident: its own, else the referral's), perpetrators, consent givers, Consents, the sender's Organization, the officer's
 * Practitioner, the destination's Organization.
 */
public final class CanonicalWriter {

    /** The canonical model's fixed reading of the hub's urgency as FHIR priority. */
    private static final Map<Urgency, Task.TaskPriority> PRIORITY = Map.of(
            Urgency.TINGGI, Task.TaskPriority.ASAP,
            Urgency.SEDANG, Task.TaskPriority.URGENT,
            Urgency.RENDAH, Task.TaskPriority.ROUTINE);

    private static final CanonicalWriter STANDARD = new CanonicalWriter(Terminology.standard());

    private final Terminology terminology;

    public CanonicalWriter(Terminology terminology) {
        this.terminology = terminology;
    }

    /** The writer with the terminology shipped with the product. */
    public static CanonicalWriter standard() {
        return STANDARD;
    }

    /** The referral as an adapter hands it to the hub: case number, revision, the Bundle and its model. */
    public CanonicalReferral canonicalReferral(Referral referral) {
        return new CanonicalReferral(referral.sourceCaseNumber(), referral.revision(), write(referral), referral);
    }

    /** The canonical Bundle of a referral, with fresh urn:uuid entry ids. */
    public Bundle write(Referral referral) {
        return write(referral, null);
    }

    /**
     * The canonical Bundle of a referral with entry ids derived from {@code idSeed}: the same
     * referral written with the same seed gives the same urn:uuids, so a receiver's copy prepared
     * again (a redelivery) names the same entries. A null seed gives fresh random ids.
     */
    public Bundle write(Referral referral, String idSeed) {
        EntryIds ids = new EntryIds(idSeed);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Task task = task(referral);
        ids.add(bundle, task);

        List<ServiceRequest> requests = new ArrayList<>();
        List<Reference> requestRefs = new ArrayList<>();
        for (String service : referral.services()) {
            ServiceRequest request = serviceRequest(service);
            requests.add(request);
            requestRefs.add(ids.add(bundle, request));
        }
        List<Reference> victimRefs = new ArrayList<>();
        for (Victim victim : referral.victims()) {
            victimRefs.add(ids.add(bundle, patient(victim)));
        }
        for (int i = 0; i < victimRefs.size(); i++) {
            Incident incident = referral.victims().get(i).incidentIn(referral);
            if (incident != null) {
                for (String form : incident.forms()) {
                    ids.add(bundle, condition(incident, form, victimRefs.get(i)));
                }
            }
        }
        Reference firstVictim = victimRefs.isEmpty() ? null : victimRefs.get(0);
        for (Perpetrator perpetrator : referral.perpetrators()) {
            ids.add(bundle, perpetrator(perpetrator, firstVictim));
        }
        List<org.hl7.fhir.r4.model.Consent> consents = new ArrayList<>();
        for (int i = 0; i < referral.victims().size(); i++) {
            Consent consent = referral.victims().get(i).consent();
            if (consent == null) {
                continue;
            }
            Reference victim = victimRefs.get(i);
            Reference performer = consent.byVictim() ? victim : ids.add(bundle, consentGiver(consent, victim));
            consents.add(consent(consent, victim, performer));
        }
        consents.forEach(c -> ids.add(bundle, c));
        Reference requester = referral.sender() == null ? null : ids.add(bundle, organisation(referral.sender()));
        Reference officer = referral.officer() == null ? null : ids.add(bundle, practitioner(referral.officer()));
        Reference owner = null;
        if (referral.destination() != null) {
            owner = referral.sender() != null
                            && referral.sender()
                                    .participantId()
                                    .equals(referral.destination().participantId())
                    ? requester
                    : ids.add(bundle, organisation(referral.destination()));
        }

        for (ServiceRequest request : requests) {
            request.setSubject(firstVictim);
            request.setRequester(requester);
        }
        task.setRequester(requester);
        task.setOwner(owner);
        task.setFor(firstVictim);
        requestRefs.forEach(task::addBasedOn);
        for (Reference victim : victimRefs) {
            task.addInput()
                    .setType(new CodeableConcept(hub(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                    .setValue(victim);
        }
        if (officer != null) {
            task.addInput()
                    .setType(new CodeableConcept(hub(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_OFFICER)))
                    .setValue(officer);
        }
        return bundle;
    }

    /**
     * Names {@code destination} as the referral's owner in a Bundle as it is, without rewriting its
     * other entries: the Organization of that participant if the Bundle has one, else a new one.
     */
    public void assignDestination(Bundle bundle, Party destination) {
        Task task = Bundles.task(bundle);
        Reference reference = Bundles.all(bundle, Organization.class).stream()
                .filter(o -> destination.participantId().equals(CanonicalReader.participantId(o)))
                .findFirst()
                .map(o -> new Reference(Bundles.fullUrl(bundle, o)))
                .orElseGet(() -> Bundles.add(bundle, organisation(destination)));
        task.setOwner(reference);
    }

    /** The canonical Organization of a participant, keyed on its participant id. */
    public Organization organisation(Party party) {
        Organization organization = new Organization();
        organization.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue(party.participantId()));
        if (party.name() != null) {
            organization.setName(party.name());
        }
        if (party.region() != null) {
            organization.addAddress().addExtension(AdministrativeCode.of(party.region()));
        }
        return organization;
    }

    /** A hub coding with the display its CodeSystem gives, when it gives one. */
    public Coding hub(String system, String code) {
        return new Coding(system, code, terminology.display(system, code).orElse(null));
    }

    /** A region as a dotted Kemendagri coding ({@code 64.09}) with its name. */
    public static Coding region(Region region) {
        return new Coding(Canonical.CS_REGION, region.kemendagri(), region.name());
    }

    private Task task(Referral referral) {
        Task task = new Task();
        profile(task, Canonical.PROFILE_REFERRAL);
        if (referral.sender() != null) {
            task.addIdentifier(new Identifier()
                    .setSystem(Canonical.sourceCaseSystem(referral.sender().participantId()))
                    .setValue(referral.sourceCaseNumber()));
        }
        referral.identifiers()
                .forEach(id -> task.addIdentifier().setSystem(id.system()).setValue(id.value()));
        task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(referral.revision()));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(
                hub(Canonical.CS_REFERRAL_KIND, referral.kind().name())));
        if (referral.urgency() != null) {
            task.setPriority(PRIORITY.get(referral.urgency()));
            task.addExtension(
                    Canonical.EXT_URGENCY,
                    hub(Canonical.CS_URGENCY, referral.urgency().name()));
        }
        if (referral.authoredOn() != null) {
            task.setAuthoredOnElement(new DateTimeType(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(inWholeMinutes(referral.authoredOn()))));
        }
        if (referral.intakeChannel() != null) {
            task.addExtension(Canonical.EXT_INTAKE_CHANNEL, hub(Canonical.CS_INTAKE_CHANNEL, referral.intakeChannel()));
        }
        if (referral.reportingRegion() != null) {
            task.addExtension(Canonical.EXT_REPORTING_REGION, region(referral.reportingRegion()));
        }
        if (referral.requestedDestination() != null) {
            task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, region(referral.requestedDestination()));
        }
        if (referral.reason() != null) {
            task.setReasonCode(new CodeableConcept().setText(referral.reason()));
        }
        if (referral.chronology() != null) {
            task.addNote().setText(referral.chronology());
        }
        return task;
    }

    private ServiceRequest serviceRequest(String service) {
        ServiceRequest request = new ServiceRequest();
        profile(request, Canonical.PROFILE_SERVICE_REQUEST);
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(hub(Canonical.CS_SERVICE, service)));
        return request;
    }

    private Patient patient(Victim victim) {
        Patient patient = new Patient();
        profile(patient, Canonical.PROFILE_VICTIM);
        if (victim.sensitive()) {
            patient.getMeta()
                    .addSecurity(new Coding(
                            Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, Canonical.SENSITIVITY_SDV_DISPLAY));
        }
        if (victim.age() != null) {
            patient.addExtension(age(victim.age()));
        }
        if (victim.education() != null) {
            patient.addExtension(Canonical.EXT_EDUCATION, hub(Canonical.CS_EDUCATION, victim.education()));
        }
        if (victim.occupation() != null) {
            patient.addExtension(Canonical.EXT_OCCUPATION, new StringType(victim.occupation()));
        }
        for (String disability : victim.disabilities()) {
            patient.addExtension(Canonical.EXT_DISABILITY, hub(Canonical.CS_DISABILITY, disability));
        }
        if (victim.citizenship() != null) {
            patient.addExtension(
                    Canonical.EXT_CITIZENSHIP, new CodeType(victim.citizenship().code()));
        }
        if (victim.nik() != null) {
            patient.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue(victim.nik()));
        }
        if (victim.name() != null) {
            patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(victim.name());
        }
        if (victim.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(victim.phone());
        }
        if (victim.gender() != null) {
            patient.setGender(AdministrativeGender.fromCode(victim.gender().code()));
        }
        if (victim.birthDate() != null) {
            patient.setBirthDateElement(new DateType(victim.birthDate().toString()));
        }
        if (victim.addressLine() != null || victim.domicile() != null) {
            Address home = patient.addAddress().setUse(Address.AddressUse.HOME);
            if (victim.addressLine() != null) {
                home.addLine(victim.addressLine());
            }
            if (victim.domicile() != null) {
                home.addExtension(AdministrativeCode.of(victim.domicile(), victim.domicileDistrict()));
            }
        }
        return patient;
    }

    private Condition condition(Incident incident, String form, Reference victim) {
        Condition condition = new Condition();
        profile(condition, Canonical.PROFILE_VIOLENCE);
        condition.setClinicalStatus(new CodeableConcept(new Coding(Canonical.CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(
                new CodeableConcept(new Coding(Canonical.CONDITION_VERIFICATION, "provisional", "Provisional")));
        condition.addCategory(
                new CodeableConcept(hub(Canonical.CS_CONDITION_CATEGORY, Canonical.CONDITION_CATEGORY_VIOLENCE)));
        condition.setCode(new CodeableConcept(hub(Canonical.CS_VIOLENCE_FORM, form)));
        condition.setSubject(victim);
        if (incident.onset() != null) {
            condition.setOnset(new DateTimeType(incident.onset().toString()));
        }
        if (incident.region() != null) {
            condition.addExtension(Canonical.EXT_INCIDENT_REGION, region(incident.region()));
        }
        if (incident.place() != null) {
            condition.addExtension(Canonical.EXT_INCIDENT_PLACE, hub(Canonical.CS_INCIDENT_PLACE, incident.place()));
        }
        return condition;
    }

    private RelatedPerson perpetrator(Perpetrator perpetrator, Reference victim) {
        RelatedPerson person = new RelatedPerson();
        profile(person, Canonical.PROFILE_PERPETRATOR);
        person.setPatient(victim);
        if (perpetrator.relationship() != null) {
            person.addRelationship(new CodeableConcept(hub(Canonical.CS_RELATIONSHIP, perpetrator.relationship())));
        }
        person.addRelationship(new CodeableConcept(hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        if (perpetrator.name() != null) {
            person.addName().setText(perpetrator.name());
        }
        if (perpetrator.gender() != null) {
            person.setGender(AdministrativeGender.fromCode(perpetrator.gender().code()));
        }
        if (perpetrator.age() != null) {
            person.addExtension(age(perpetrator.age()));
        }
        return person;
    }

    private RelatedPerson consentGiver(Consent consent, Reference victim) {
        RelatedPerson giver = new RelatedPerson();
        profile(giver, Canonical.PROFILE_CONSENT_GIVER);
        giver.setPatient(victim);
        giver.addRelationship(new CodeableConcept(hub(Canonical.CS_CONSENT_GIVER, consent.giver())));
        giver.addRelationship(new CodeableConcept(hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
        return giver;
    }

    private org.hl7.fhir.r4.model.Consent consent(Consent terms, Reference victim, Reference performer) {
        org.hl7.fhir.r4.model.Consent consent = new org.hl7.fhir.r4.model.Consent();
        profile(consent, Canonical.PROFILE_CONSENT);
        consent.setStatus(
                terms.permit()
                        ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                        : org.hl7.fhir.r4.model.Consent.ConsentState.REJECTED);
        consent.setScope(new CodeableConcept(new Coding(
                Canonical.CONSENT_SCOPE, Canonical.CONSENT_SCOPE_PRIVACY, Canonical.CONSENT_SCOPE_PRIVACY_DISPLAY)));
        consent.addCategory(new CodeableConcept(
                new Coding(Canonical.LOINC, Canonical.LOINC_PRIVACY_CONSENT, Canonical.LOINC_PRIVACY_CONSENT_DISPLAY)));
        consent.setPatient(victim);
        PartialDateTime date = terms.date();
        if (date != null) {
            consent.setDateTimeElement(new DateTimeType(date.toString()));
        }
        consent.addPerformer(performer);
        if (terms.basis() != null) {
            consent.setPolicyRule(new CodeableConcept(hub(Canonical.CS_LAWFUL_BASIS, terms.basis())));
        }
        consent.getProvision()
                .setType(
                        terms.permit()
                                ? org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT
                                : org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY);
        return consent;
    }

    private static Practitioner practitioner(Officer officer) {
        Practitioner practitioner = new Practitioner();
        if (officer.nip() != null) {
            practitioner.addIdentifier(
                    new Identifier().setSystem(Canonical.SID_NIP).setValue(officer.nip()));
        }
        if (officer.name() != null) {
            practitioner.addName().setText(officer.name());
        }
        if (officer.phone() != null) {
            practitioner
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(officer.phone());
        }
        return practitioner;
    }

    private static Extension age(int years) {
        Age age = new Age();
        age.setValue(BigDecimal.valueOf(years))
                .setUnit(Canonical.UCUM_YEAR)
                .setSystem(Canonical.UCUM)
                .setCode(Canonical.UCUM_YEAR);
        return new Extension(Canonical.EXT_AGE, age);
    }

    /** Entry ids: random, or derived from a seed and the entry's position. */
    private static final class EntryIds {
        private final String seed;
        private int next;

        EntryIds(String seed) {
            this.seed = seed;
        }

        Reference add(Bundle bundle, Resource resource) {
            if (seed == null) {
                return Bundles.add(bundle, resource);
            }
            String fullUrl =
                    "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + next++).getBytes(StandardCharsets.UTF_8));
            resource.setId(fullUrl);
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
            return new Reference(fullUrl);
        }
    }

    private static void profile(Resource resource, String profile) {
        resource.getMeta().addProfile(profile);
    }

    /**
     * The same instant with its offset in whole minutes, as FHIR's dateTime writes offsets: a zone's
     * local mean time (before standard time, such as year 1 in a mistyped date) has seconds in its
     * offset, which would make the canonical Bundle unreadable instead of implausible.
     */
    public static OffsetDateTime inWholeMinutes(OffsetDateTime time) {
        int seconds = time.getOffset().getTotalSeconds();
        return seconds % 60 == 0 ? time : time.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(seconds - seconds % 60));
    }
}
