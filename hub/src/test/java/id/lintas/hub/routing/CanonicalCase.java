package id.lintas.hub.routing;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.region.Region;
import id.lintas.contracts.region.RegionTable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A synthetic canonical referral built field by field, so each routing example reads as its
 * sentence in the agreements README. Every value is invented.
 */
public final class CanonicalCase {

    private String reportingRegion = "64.02";
    private OffsetDateTime authoredOn = OffsetDateTime.parse("2025-06-02T09:00:00+08:00");
    private String urgency = "SEDANG";
    private String requested;
    private String gender = "female";
    private LocalDate birthDate = LocalDate.of(1998, 3, 14);
    private String domicile = "64.09";
    private final List<String> forms = new ArrayList<>();
    private String incidentRegion = "64.02";
    private final List<String> services = new ArrayList<>();
    private boolean consentPermit = true;
    private String consentBasis = "PERSETUJUAN";
    private String perpetratorRelation = "MAJIKAN";

    public static CanonicalCase from(String reportingRegion) {
        CanonicalCase c = new CanonicalCase();
        c.reportingRegion = reportingRegion;
        return c;
    }

    public CanonicalCase on(String date) {
        authoredOn = OffsetDateTime.parse(date + "T09:00:00+08:00");
        return this;
    }

    public CanonicalCase urgency(String value) {
        urgency = value;
        return this;
    }

    public CanonicalCase namingDestination(String region) {
        requested = region;
        return this;
    }

    public CanonicalCase victim(String gender, LocalDate birthDate, String domicile) {
        this.gender = gender;
        this.birthDate = birthDate;
        this.domicile = domicile;
        return this;
    }

    public CanonicalCase child(String domicile) {
        return victim("female", authoredOn.toLocalDate().minusYears(12), domicile);
    }

    public CanonicalCase violence(String form, String incidentRegion) {
        forms.add(form);
        this.incidentRegion = incidentRegion;
        return this;
    }

    public CanonicalCase services(String... codes) {
        services.addAll(List.of(codes));
        return this;
    }

    public CanonicalCase consentRefused() {
        consentPermit = false;
        return this;
    }

    public CanonicalCase legalObligation() {
        consentBasis = "KEWAJIBAN_HUKUM";
        return this;
    }

    public CanonicalCase perpetrator(String relation) {
        perpetratorRelation = relation;
        return this;
    }

    public Bundle bundle() {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        Task task = new Task();
        Bundles.add(bundle, task);
        task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.getCode().addCoding(new Coding(Canonical.CS_REFERRAL_KIND, "RUJUKAN", null));
        task.addIdentifier()
                .setSystem(Canonical.SID_SOURCE_CASE_PREFIX + "test")
                .setValue("CASE-" + System.nanoTime());
        task.setAuthoredOn(Date.from(authoredOn.toInstant()));
        task.addExtension(new Extension(Canonical.EXT_URGENCY, new Coding(Canonical.CS_URGENCY, urgency, null)));
        task.addExtension(
                new Extension(Canonical.EXT_REPORTING_REGION, new Coding(Canonical.CS_REGION, reportingRegion, null)));
        if (requested != null) {
            task.addExtension(new Extension(
                    Canonical.EXT_REQUESTED_DESTINATION, new Coding(Canonical.CS_REGION, requested, null)));
        }
        task.addNote().setText("Kronologi sintetis: korban (nama samaran Wulan Fiktif) bercerita kepada petugas.");

        Patient patient = new Patient();
        Reference victim = Bundles.add(bundle, patient);
        patient.addIdentifier().setSystem(Canonical.SID_NIK).setValue("6409014107980001");
        patient.addName().setText("Wulan Fiktif");
        patient.setGender(Enumerations.AdministrativeGender.fromCode(gender));
        patient.setBirthDate(java.sql.Date.valueOf(birthDate));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+6281200000001");
        patient.addAddress()
                .addLine("Jl. Contoh Sintetis No. 1")
                .addExtension(administrativeCode(
                        RegionTable.standard().byKemendagri(domicile).orElseThrow()));
        task.setFor(victim);
        task.addInput()
                .setType(new CodeableConcept(new Coding(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM, null)))
                .setValue(victim);

        for (String form : forms.isEmpty() ? List.of("FISIK") : forms) {
            Condition condition = new Condition();
            Bundles.add(bundle, condition);
            condition.getCode().addCoding(new Coding(Canonical.CS_VIOLENCE_FORM, form, null));
            condition.setSubject(victim);
            condition.setOnset(new DateTimeType("2025-05"));
            condition.addExtension(new Extension(
                    Canonical.EXT_INCIDENT_REGION, new Coding(Canonical.CS_REGION, incidentRegion, null)));
        }
        for (String service : services) {
            ServiceRequest request = new ServiceRequest();
            task.addBasedOn(Bundles.add(bundle, request));
            request.getCode().addCoding(new Coding(Canonical.CS_SERVICE, service, null));
            request.setSubject(victim);
        }
        RelatedPerson perpetrator = new RelatedPerson();
        Bundles.add(bundle, perpetrator);
        perpetrator.setPatient(victim);
        perpetrator.addName().setText("Pelaku Fiktif");
        perpetrator.addRelationship(
                new CodeableConcept(new Coding(Canonical.CS_RELATIONSHIP, perpetratorRelation, null)));
        perpetrator.addRelationship(
                new CodeableConcept(new Coding(Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR, null)));

        Consent consent = new Consent();
        Bundles.add(bundle, consent);
        consent.setStatus(consentPermit ? Consent.ConsentState.ACTIVE : Consent.ConsentState.REJECTED);
        consent.setPatient(victim);
        consent.addPerformer(victim);
        consent.setPolicyRule(new CodeableConcept(new Coding(Canonical.CS_LAWFUL_BASIS, consentBasis, null)));
        consent.getProvision()
                .setType(consentPermit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        return bundle;
    }

    /** The canonical address extension, written as a sender's Bundle would carry it (SATUSEHAT's shape). */
    private static Extension administrativeCode(Region region) {
        Extension extension = new Extension(Canonical.EXT_ADMINISTRATIVE_CODE);
        extension.addExtension("province", new CodeType(region.province().replace(".", "")));
        if (!region.isProvince()) {
            extension.addExtension("city", new CodeType(region.kemendagriCompact()));
        }
        return extension;
    }
}
