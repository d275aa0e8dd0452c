package id.lintas.hub.agreement;

import id.lintas.contracts.canonical.AdministrativeCode;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * What agreements read of a canonical referral, extracted once per referral: no identity, only the
 * facts clauses test (forms of violence, victims' gender and age, regions, services, consent).
 *
 * @param date the referral's date in the sender's zone: agreements must be in force on it
 * @param reportedAt the referral's instant
 * @param urgency TINGGI, SEDANG or RENDAH, or null
 * @param requestedRegion the region the sender named, or null
 * @param foundRegion the region that recorded the report
 * @param violenceForms the hub's violence-form codes of the case
 * @param victims every victim, in order
 * @param incidentRegions where the violence happened (dotted Kemendagri)
 * @param services the hub's service codes requested, in order
 * @param parentPerpetrator true when a perpetrator is a parent of the victim
 * @param bundle the canonical Bundle, for FHIRPath conditions
 */
public record CaseProfile(
        LocalDate date,
        Instant reportedAt,
        String urgency,
        String requestedRegion,
        String foundRegion,
        Set<String> violenceForms,
        List<Victim> victims,
        Set<String> incidentRegions,
        List<String> services,
        boolean parentPerpetrator,
        Bundle bundle) {

    /**
     * @param gender female, male or null
     * @param age whole years on the referral's date, or null when unknown
     * @param domicile the regency/city (dotted) where the victim lives, or null
     * @param consent the victim's consent or lawful basis, or null when the referral carries none
     */
    public record Victim(String gender, Integer age, String domicile, ConsentFact consent) {
        public boolean child() {
            return age != null && age < 18;
        }
    }

    /**
     * @param permit true when sharing is permitted
     * @param basis PERSETUJUAN or KEWAJIBAN_HUKUM, or null
     * @param giver who gave it: KORBAN, ORANG_TUA, WALI, PENDAMPING
     */
    public record ConsentFact(boolean permit, String basis, String giver) {}

    public Set<String> domicileRegions() {
        Set<String> regions = new LinkedHashSet<>();
        victims.forEach(v -> {
            if (v.domicile() != null) {
                regions.add(v.domicile());
            }
        });
        return regions;
    }

    public Set<String> regions(RegionRelation relation) {
        return switch (relation) {
            case DOMICILE -> domicileRegions();
            case INCIDENT -> incidentRegions;
            case FOUND -> foundRegion == null ? Set.of() : Set.of(foundRegion);
        };
    }

    /** Reads a canonical referral sent by a participant writing local times in {@code zone}. */
    public static CaseProfile of(Bundle bundle, String senderRegion, ZoneId zone) {
        Task task = Bundles.task(bundle);
        Instant reportedAt = task.hasAuthoredOn() ? task.getAuthoredOn().toInstant() : Instant.now();
        LocalDate date = reportedAt.atZone(zone).toLocalDate();
        String reporting = code(task.getExtensionByUrl(Canonical.EXT_REPORTING_REGION));
        Set<String> forms = new LinkedHashSet<>();
        Set<String> incidents = new LinkedHashSet<>();
        for (Condition condition : Bundles.all(bundle, Condition.class)) {
            condition.getCode().getCoding().stream()
                    .filter(c -> Canonical.CS_VIOLENCE_FORM.equals(c.getSystem()))
                    .forEach(c -> forms.add(c.getCode()));
            String incident = code(condition.getExtensionByUrl(Canonical.EXT_INCIDENT_REGION));
            if (incident != null) {
                incidents.add(incident);
            }
        }
        List<String> services = new ArrayList<>();
        for (ServiceRequest request : Bundles.all(bundle, ServiceRequest.class)) {
            request.getCode().getCoding().stream()
                    .filter(c -> Canonical.CS_SERVICE.equals(c.getSystem()))
                    .map(Coding::getCode)
                    .filter(code -> !services.contains(code))
                    .forEach(services::add);
        }
        List<Consent> consents = Bundles.all(bundle, Consent.class);
        List<Victim> victims = new ArrayList<>();
        for (Patient patient : victims(bundle, task)) {
            String gender = patient.hasGender() ? patient.getGender().toCode() : null;
            victims.add(new Victim(gender, age(patient, date), domicile(patient), consent(bundle, patient, consents)));
        }
        boolean parentPerpetrator = Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(CaseProfile::isPerpetrator)
                .anyMatch(p -> has(p, Canonical.CS_RELATIONSHIP, "ORANG_TUA"));
        return new CaseProfile(date, reportedAt, code(task.getExtensionByUrl(Canonical.EXT_URGENCY)),
                code(task.getExtensionByUrl(Canonical.EXT_REQUESTED_DESTINATION)),
                reporting != null ? reporting : senderRegion, Set.copyOf(forms), List.copyOf(victims),
                Set.copyOf(incidents), List.copyOf(services), parentPerpetrator, bundle);
    }

    static boolean isPerpetrator(RelatedPerson person) {
        return has(person, Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR);
    }

    private static boolean has(RelatedPerson person, String system, String code) {
        return person.getRelationship().stream()
                .flatMap(r -> r.getCoding().stream())
                .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    private static List<Patient> victims(Bundle bundle, Task task) {
        List<Patient> victims = new ArrayList<>();
        task.getInput().stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> Canonical.TASK_INPUT_VICTIM.equals(c.getCode())))
                .filter(i -> i.getValue() instanceof Reference)
                .map(i -> Bundles.resolve(bundle, (Reference) i.getValue(), Patient.class))
                .flatMap(Optional::stream)
                .forEach(victims::add);
        if (victims.isEmpty()) {
            victims.addAll(Bundles.all(bundle, Patient.class));
        }
        return victims;
    }

    private static Integer age(Patient patient, LocalDate on) {
        if (patient.hasBirthDate()) {
            LocalDate birth = new java.sql.Date(patient.getBirthDate().getTime()).toLocalDate();
            return Period.between(birth, on).getYears();
        }
        Extension age = patient.getExtensionByUrl(Canonical.EXT_AGE);
        if (age != null && age.getValue() instanceof Age value && value.hasValue()) {
            return value.getValue().intValue();
        }
        return null;
    }

    private static String domicile(Patient patient) {
        return patient.getAddress().stream()
                .map(AdministrativeCode::mostPrecise)
                .flatMap(Optional::stream)
                .map(RegionTable.standard()::byKemendagriCompact)
                .flatMap(Optional::stream)
                .filter(region -> !region.isProvince())
                .map(Region::kemendagri)
                .findFirst()
                .orElse(null);
    }

    private static ConsentFact consent(Bundle bundle, Patient patient, List<Consent> consents) {
        String patientUrl = Bundles.fullUrl(bundle, patient);
        for (Consent consent : consents) {
            if (!patientUrl.equals(consent.getPatient().getReference())) {
                continue;
            }
            boolean permit = consent.getStatus() == Consent.ConsentState.ACTIVE
                    && (!consent.hasProvision() || consent.getProvision().getType() != Consent.ConsentProvisionType.DENY);
            String basis = consent.getPolicyRule().getCoding().stream()
                    .filter(c -> Canonical.CS_LAWFUL_BASIS.equals(c.getSystem()))
                    .map(Coding::getCode)
                    .findFirst()
                    .orElse(null);
            String giver = "KORBAN";
            if (consent.hasPerformer()) {
                Reference performer = consent.getPerformerFirstRep();
                giver = Bundles.resolve(bundle, performer, RelatedPerson.class)
                        .flatMap(p -> p.getRelationship().stream()
                                .flatMap(r -> r.getCoding().stream())
                                .filter(c -> Canonical.CS_CONSENT_GIVER.equals(c.getSystem()))
                                .map(Coding::getCode)
                                .findFirst())
                        .orElse("KORBAN");
            }
            return new ConsentFact(permit, basis, giver);
        }
        return null;
    }

    private static String code(Extension extension) {
        if (extension == null || !(extension.getValue() instanceof Coding coding)) {
            return null;
        }
        return coding.getCode();
    }
}
