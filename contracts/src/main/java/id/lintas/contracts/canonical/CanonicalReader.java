package id.lintas.contracts.canonical;

import id.lintas.contracts.model.Citizenship;
import id.lintas.contracts.model.Consent;
import id.lintas.contracts.model.ExternalIdentifier;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Incident;
import id.lintas.contracts.model.Officer;
import id.lintas.contracts.model.PartialDateTime;
import id.lintas.contracts.model.Party;
import id.lintas.contracts.model.Perpetrator;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Urgency;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.Participant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The canonical Bundle as the typed referral: with {@link CanonicalWriter} the only code that knows
 * the model's profiles and extension URLs. Tolerant: it reads what every adapter writes today
 * (Jakarta's Bundles without displays included) and Bundles built by hand with fewer elements; what
 * a Bundle lacks is null or empty in the model. Stateless and thread-safe.
 */
public final class CanonicalReader {

    private static final CanonicalReader STANDARD = new CanonicalReader(RegionTable.standard());

    private final RegionTable regions;

    public CanonicalReader(RegionTable regions) {
        this.regions = regions;
    }

    /** The reader with the region table shipped with the product. */
    public static CanonicalReader standard() {
        return STANDARD;
    }

    /** A referral read from its canonical Bundle, on its way to a receiver ({@link OutboundReferral}). */
    public OutboundReferral outbound(String hubReferralId, Participant sender, Bundle bundle) {
        return new OutboundReferral(hubReferralId, sender, read(bundle));
    }

    /** Reads a canonical referral Bundle; it must have its Task. */
    public Referral read(Bundle bundle) {
        Task task = Bundles.task(bundle);
        Party sender = Bundles.resolve(bundle, task.getRequester(), Organization.class)
                .map(this::party)
                .orElse(null);
        Party destination = Bundles.resolve(bundle, task.getOwner(), Organization.class)
                .map(this::party)
                .orElse(null);
        List<Patient> patients = victims(bundle, task);
        Map<Patient, List<Condition>> conditions = conditionsByVictim(bundle, patients);
        List<Condition> firstVictims = patients.isEmpty() ? List.of() : conditions.get(patients.get(0));
        Incident incident = incident(firstVictims.isEmpty() ? Bundles.all(bundle, Condition.class) : firstVictims);
        List<Victim> victims = new ArrayList<>();
        for (Patient patient : patients) {
            Victim victim = victim(patient, consent(bundle, patient));
            Incident own = incident(conditions.get(patient));
            victims.add(own == null || own.equals(incident) ? victim : victim.withIncident(own));
        }
        List<Perpetrator> perpetrators = Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(CanonicalReader::isPerpetrator)
                .map(CanonicalReader::perpetrator)
                .toList();
        return Referral.builder()
                .sourceCaseNumber(sourceCaseNumber(task))
                .revision(extension(task, Canonical.EXT_REVISION, PositiveIntType.class)
                        .map(PositiveIntType::getValue)
                        .orElse(1))
                .kind(coding(task.getCode(), Canonical.CS_REFERRAL_KIND)
                        .map(c -> known(ReferralKind.class, c.getCode()))
                        .orElse(null))
                .urgency(extensionCode(task, Canonical.EXT_URGENCY)
                        .map(code -> known(Urgency.class, code))
                        .orElse(null))
                .authoredOn(task.hasAuthoredOnElement() ? offsetDateTime(task.getAuthoredOnElement()) : null)
                .intakeChannel(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL).orElse(null))
                .reportingRegion(extensionCode(task, Canonical.EXT_REPORTING_REGION)
                        .map(this::dotted)
                        .orElse(null))
                .requestedDestination(extensionCode(task, Canonical.EXT_REQUESTED_DESTINATION)
                        .map(this::dotted)
                        .orElse(null))
                .identifiers(task.getIdentifier().stream()
                        .filter(id -> id.hasSystem() && id.hasValue())
                        .filter(id -> !id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX))
                        .map(id -> new ExternalIdentifier(id.getSystem(), id.getValue()))
                        .toList())
                .reason(
                        task.hasReasonCode() && task.getReasonCode().hasText()
                                ? task.getReasonCode().getText()
                                : null)
                .chronology(
                        task.hasNote() && task.getNoteFirstRep().hasText()
                                ? task.getNoteFirstRep().getText()
                                : null)
                .victims(victims)
                .perpetrators(perpetrators)
                .incident(incident)
                .services(services(bundle, task))
                .sender(sender)
                .destination(destination)
                .officer(officer(bundle, task))
                .build();
    }

    /** Whether a RelatedPerson of the Bundle is a perpetrator (role {@code PELAKU}). */
    public static boolean isPerpetrator(RelatedPerson person) {
        return hasCode(person.getRelationship(), Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR);
    }

    /** The participant id an Organization of the Bundle is keyed on, or null. */
    public static String participantId(Organization organization) {
        return organization.getIdentifier().stream()
                .filter(i -> Canonical.SID_PARTICIPANT.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String sourceCaseNumber(Task task) {
        return task.getIdentifier().stream()
                .filter(id -> id.hasSystem() && id.getSystem().startsWith(Canonical.SID_SOURCE_CASE_PREFIX))
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The constant of a hub code, or null for a code the hub does not have. */
    private static <E extends Enum<E>> E known(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(code)) {
                return value;
            }
        }
        return null;
    }

    /** The victims in the Task's order, else every Patient of the Bundle. */
    private static List<Patient> victims(Bundle bundle, Task task) {
        List<Patient> victims = new ArrayList<>();
        task.getInput().stream()
                .filter(i ->
                        i.getType().getCoding().stream().anyMatch(c -> Canonical.TASK_INPUT_VICTIM.equals(c.getCode())))
                .filter(i -> i.getValue() instanceof Reference)
                .map(i -> Bundles.resolve(bundle, (Reference) i.getValue(), Patient.class))
                .flatMap(Optional::stream)
                .filter(p -> !victims.contains(p))
                .forEach(victims::add);
        Bundles.all(bundle, Patient.class).stream()
                .filter(p -> !victims.contains(p))
                .forEach(victims::add);
        return victims;
    }

    private Victim victim(Patient patient, Consent consent) {
        String nik = patient.getIdentifier().stream()
                .filter(id -> Canonical.SID_NIK.equals(id.getSystem()) && id.hasValue())
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
        String name = patient.hasName() && patient.getNameFirstRep().hasText()
                ? patient.getNameFirstRep().getText()
                : null;
        String phone = phone(patient.getTelecom());
        Address home = patient.hasAddress() ? patient.getAddressFirstRep() : null;
        String line = home != null && home.hasLine() ? home.getLine().get(0).getValue() : null;
        Region domicile = home == null
                ? null
                : AdministrativeCode.mostPrecise(home).map(this::compact).orElse(null);
        String district =
                home == null ? null : AdministrativeCode.district(home).orElse(null);
        List<String> disabilities = new ArrayList<>();
        for (Extension extension : patient.getExtensionsByUrl(Canonical.EXT_DISABILITY)) {
            if (extension.getValue() instanceof Coding coding && coding.hasCode()) {
                disabilities.add(coding.getCode());
            }
        }
        boolean sensitive = patient.getMeta().getSecurity().stream()
                .anyMatch(c ->
                        Canonical.V3_ACT_CODE.equals(c.getSystem()) && Canonical.SENSITIVITY_SDV.equals(c.getCode()));
        return new Victim(
                nik,
                name,
                patient.hasGender() ? Gender.ofCode(patient.getGender().toCode()) : null,
                patient.hasBirthDateElement() && patient.getBirthDateElement().getValueAsString() != null
                        ? PartialDateTime.parse(patient.getBirthDateElement().getValueAsString())
                        : null,
                age(patient),
                phone,
                line,
                domicile,
                district,
                extension(patient, Canonical.EXT_CITIZENSHIP, org.hl7.fhir.r4.model.CodeType.class)
                        .map(c -> Citizenship.ofCode(c.getValue()))
                        .orElse(null),
                extensionCode(patient, Canonical.EXT_EDUCATION).orElse(null),
                disabilities,
                extension(patient, Canonical.EXT_OCCUPATION, org.hl7.fhir.r4.model.StringType.class)
                        .map(org.hl7.fhir.r4.model.StringType::getValue)
                        .orElse(null),
                sensitive,
                consent);
    }

    private static Consent consent(Bundle bundle, Patient patient) {
        String patientUrl = Bundles.fullUrl(bundle, patient);
        for (org.hl7.fhir.r4.model.Consent consent : Bundles.all(bundle, org.hl7.fhir.r4.model.Consent.class)) {
            if (!patientUrl.equals(consent.getPatient().getReference())) {
                continue;
            }
            boolean permit = consent.getStatus() == org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                    && (!consent.hasProvision()
                            || consent.getProvision().getType()
                                    != org.hl7.fhir.r4.model.Consent.ConsentProvisionType.DENY);
            String basis = coding(consent.getPolicyRule(), Canonical.CS_LAWFUL_BASIS)
                    .map(Coding::getCode)
                    .orElse(null);
            String giver = null;
            if (consent.hasPerformer()) {
                giver = Bundles.resolve(bundle, consent.getPerformerFirstRep(), RelatedPerson.class)
                        .flatMap(p -> p.getRelationship().stream()
                                .map(r -> coding(r, Canonical.CS_CONSENT_GIVER))
                                .flatMap(Optional::stream)
                                .map(Coding::getCode)
                                .findFirst())
                        .orElse(null);
            }
            PartialDateTime date =
                    consent.hasDateTimeElement() && consent.getDateTimeElement().getValueAsString() != null
                            ? PartialDateTime.parse(consent.getDateTimeElement().getValueAsString())
                            : null;
            return new Consent(permit, basis, giver, date);
        }
        return null;
    }

    private static Perpetrator perpetrator(RelatedPerson person) {
        String relationship = person.getRelationship().stream()
                .map(r -> coding(r, Canonical.CS_RELATIONSHIP))
                .flatMap(Optional::stream)
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
        String name = person.hasName() && person.getNameFirstRep().hasText()
                ? person.getNameFirstRep().getText()
                : null;
        return new Perpetrator(
                name,
                person.hasGender() ? Gender.ofCode(person.getGender().toCode()) : null,
                age(person),
                relationship);
    }

    /** Each victim's Conditions; one whose subject is no victim counts as the first victim's. */
    private static Map<Patient, List<Condition>> conditionsByVictim(Bundle bundle, List<Patient> victims) {
        Map<Patient, List<Condition>> byVictim = new LinkedHashMap<>();
        victims.forEach(v -> byVictim.put(v, new ArrayList<>()));
        for (Condition condition : Bundles.all(bundle, Condition.class)) {
            Patient subject = Bundles.resolve(bundle, condition.getSubject(), Patient.class)
                    .filter(byVictim::containsKey)
                    .orElse(victims.isEmpty() ? null : victims.get(0));
            if (subject != null) {
                byVictim.get(subject).add(condition);
            }
        }
        return byVictim;
    }

    /** An incident from Conditions: forms in the order first met, onset, region and place of the first that has them. */
    private Incident incident(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        Set<String> forms = new LinkedHashSet<>();
        PartialDateTime onset = null;
        Region region = null;
        String place = null;
        for (Condition condition : conditions) {
            coding(condition.getCode(), Canonical.CS_VIOLENCE_FORM)
                    .map(Coding::getCode)
                    .ifPresent(forms::add);
            if (onset == null
                    && condition.hasOnsetDateTimeType()
                    && condition.getOnsetDateTimeType().getValueAsString() != null) {
                onset = PartialDateTime.parse(condition.getOnsetDateTimeType().getValueAsString());
            }
            if (region == null) {
                region = extensionCode(condition, Canonical.EXT_INCIDENT_REGION)
                        .map(this::dotted)
                        .orElse(null);
            }
            if (place == null) {
                place = extensionCode(condition, Canonical.EXT_INCIDENT_PLACE).orElse(null);
            }
        }
        return new Incident(List.copyOf(forms), onset, region, place);
    }

    /** The requested services in the Task's order, then any the Task does not list. */
    private static List<String> services(Bundle bundle, Task task) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (Reference reference : task.getBasedOn()) {
            Bundles.resolve(bundle, reference, ServiceRequest.class)
                    .filter(r -> !requests.contains(r))
                    .ifPresent(requests::add);
        }
        Bundles.all(bundle, ServiceRequest.class).stream()
                .filter(r -> !requests.contains(r))
                .forEach(requests::add);
        return requests.stream()
                .map(r -> coding(r.getCode(), Canonical.CS_SERVICE))
                .flatMap(Optional::stream)
                .map(Coding::getCode)
                .toList();
    }

    /** The officer the Task names, else the Bundle's only Practitioner. */
    private static Officer officer(Bundle bundle, Task task) {
        return task.getInput().stream()
                .filter(i -> i.getType().getCoding().stream()
                        .anyMatch(c -> Canonical.TASK_INPUT_OFFICER.equals(c.getCode())))
                .filter(i -> i.getValue() instanceof Reference)
                .map(i -> Bundles.resolve(bundle, (Reference) i.getValue(), Practitioner.class))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> Bundles.first(bundle, Practitioner.class))
                .map(p -> new Officer(
                        p.getIdentifier().stream()
                                .filter(id -> Canonical.SID_NIP.equals(id.getSystem()) && id.hasValue())
                                .map(Identifier::getValue)
                                .findFirst()
                                .orElse(null),
                        p.hasName() && p.getNameFirstRep().hasText()
                                ? p.getNameFirstRep().getText()
                                : null,
                        phone(p.getTelecom())))
                .orElse(null);
    }

    private Party party(Organization organization) {
        String id = participantId(organization);
        if (id == null) {
            return null;
        }
        Region region = organization.getAddress().stream()
                .map(AdministrativeCode::mostPrecise)
                .flatMap(Optional::stream)
                .findFirst()
                .map(this::compact)
                .orElse(null);
        return new Party(id, organization.hasName() ? organization.getName() : null, region);
    }

    private static String phone(List<ContactPoint> telecom) {
        return telecom.stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }

    /** An age in whole years, from an age in years or months; null if none or in another unit. */
    private static Integer age(DomainResource resource) {
        Extension extension = resource.getExtensionByUrl(Canonical.EXT_AGE);
        if (extension == null || !(extension.getValue() instanceof Age age) || !age.hasValue()) {
            return null;
        }
        if (Canonical.UCUM_MONTH.equals(age.getCode())) {
            return age.getValue().intValue() / 12;
        }
        return age.getValue().intValue();
    }

    /** The instant with the offset it was written in (the JVM's zone for a date without one). */
    private static OffsetDateTime offsetDateTime(BaseDateTimeType value) {
        if (value.getValue() == null) {
            return null;
        }
        java.util.TimeZone zone = value.getTimeZone() != null ? value.getTimeZone() : java.util.TimeZone.getDefault();
        return OffsetDateTime.ofInstant(value.getValue().toInstant(), zone.toZoneId());
    }

    /** A dotted Kemendagri code as a region; one the table does not know keeps its code alone. */
    private Region dotted(String code) {
        return regions.byKemendagri(code)
                .orElseGet(() -> new Region(null, code, code.replace(".", ""), null, null, null));
    }

    /** A Kemendagri code without dots as a region; null for one the table does not know (an address cannot be written without its province). */
    private Region compact(String code) {
        return regions.byKemendagriCompact(code).orElse(null);
    }

    private static Optional<String> extensionCode(DomainResource resource, String url) {
        return extension(resource, url, Coding.class).map(Coding::getCode);
    }

    private static <T> Optional<T> extension(DomainResource resource, String url, Class<T> type) {
        Extension extension = resource.getExtensionByUrl(url);
        if (extension == null || !type.isInstance(extension.getValue())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(extension.getValue()));
    }

    private static Optional<Coding> coding(CodeableConcept concept, String system) {
        if (concept == null) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()))
                .findFirst();
    }

    private static boolean hasCode(List<CodeableConcept> concepts, String system, String code) {
        return concepts.stream()
                .flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }
}
