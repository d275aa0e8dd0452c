package id.lintas.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The profiles mean something: a canonical referral built by hand from the model in
 * docs/canonical-model.md (synthetic data only) passes, and each kind of breakage is reported as an
 * error whose location (or, for a missing element, whose message) names the element concerned.
 */
class CanonicalValidatorTest {

    /** Construction loads the core definitions and generates snapshots: seconds, so once. */
    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    private static final FhirContext FHIR = VALIDATOR.fhirContext();

    private static final String UCUM = "http://unitsofmeasure.org";

    // ---------------------------------------------------------------- valid

    @Test
    void handBuiltCanonicalReferralIsValid() {
        ValidationReport report = VALIDATOR.validate(referral());

        assertThat(report.errors()).as("validation errors").isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void referralAsThePpuAdapterProducedItIsValid() {
        ValidationReport report = VALIDATOR.validate(stored("/canonical/referral-ppu-tppo.json"));

        assertThat(report.errors()).as("validation errors").isEmpty();
    }

    @Test
    void referralNotYetRoutedHasNoOwnerAndIsValid() {
        Bundle bundle = referral();
        Task task = Bundles.task(bundle);
        Organization destination =
                Bundles.resolve(bundle, task.getOwner(), Organization.class).orElseThrow();
        task.setOwner(null);
        bundle.getEntry().removeIf(e -> e.getResource() == destination);
        task.getExtension().removeIf(e -> Canonical.EXT_REQUESTED_DESTINATION.equals(e.getUrl()));

        assertThat(VALIDATOR.validate(bundle).errors()).as("validation errors").isEmpty();
    }

    @Test
    void victimWithBirthDateAndNoOptionalExtensionsIsValid() {
        Bundle bundle = referral();
        Patient victim = victim(bundle);
        victim.getExtension().removeIf(e -> !Canonical.EXT_CITIZENSHIP.equals(e.getUrl()));
        victim.setBirthDateElement(new DateType("2011-03-04"));
        victim.getIdentifier().clear();
        victim.getTelecom().clear();

        assertThat(VALIDATOR.validate(bundle).errors()).as("validation errors").isEmpty();
    }

    // ---------------------------------------------------------------- Task

    @Test
    void referralWithoutTheSendersCaseNumberIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getIdentifier().clear();

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task");
            assertThat(issue.message()).contains("Task.identifier");
        });
    }

    @Test
    void caseNumberInAnotherIdentifierSystemIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getIdentifierFirstRep().setSystem("https://example.org/case");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task");
            assertThat(issue.message()).contains("lintas-ref-1");
        });
    }

    @Test
    void unknownReferralKindIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getCode().getCodingFirstRep().setCode("RUJUKAN_LAIN");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task").contains("code");
            assertThat(issue.message()).contains("RUJUKAN_LAIN");
        });
    }

    @Test
    void taskMustNameItsVictim() {
        Bundle bundle = referral();
        Bundles.task(bundle).setFor(null);

        assertThat(errorsOf(bundle))
                .anySatisfy(issue -> assertThat(issue.message()).contains("Task.for"));
    }

    @Test
    void taskWithoutRequesterIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).setRequester(null);

        assertThat(errorsOf(bundle))
                .anySatisfy(issue -> assertThat(issue.message()).contains("Task.requester"));
    }

    @Test
    void ownerThatIsNotAnOrganizationIsRefused() {
        Bundle bundle = referral();
        Task task = Bundles.task(bundle);
        task.setOwner(task.getFor().copy());

        assertThat(errorsOf(bundle))
                .anySatisfy(issue -> assertThat(issue.location()).contains("owner"));
    }

    @Test
    void unknownRegionCodeIsRefused() {
        Bundle bundle = referral();
        extensionCoding(Bundles.task(bundle), Canonical.EXT_REPORTING_REGION).setCode("99.99");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task").contains("extension");
            assertThat(issue.message()).contains("99.99");
        });
    }

    @Test
    void referralWithoutReportingRegionIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getExtension().removeIf(e -> Canonical.EXT_REPORTING_REGION.equals(e.getUrl()));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task");
            assertThat(issue.message()).contains("reportingRegion");
        });
    }

    @Test
    void unknownUrgencyIsRefused() {
        Bundle bundle = referral();
        extensionCoding(Bundles.task(bundle), Canonical.EXT_URGENCY).setCode("SEGERA");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task").contains("extension");
            assertThat(issue.message()).contains("SEGERA");
        });
    }

    @Test
    void extensionValueOfTheWrongTypeIsRefused() {
        Bundle bundle = referral();
        Bundles.task(bundle).getExtensionByUrl(Canonical.EXT_REVISION).setValue(new CodeType("two"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Task").contains("extension");
            assertThat(issue.message()).containsIgnoringCase("type");
        });
    }

    // ---------------------------------------------------------------- extensions

    @Test
    void extensionTheProfilesDoNotDefineIsRefused() {
        Bundle bundle = referral();
        victim(bundle).addExtension("https://example.org/StructureDefinition/religion", new StringType("x"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("extension");
            assertThat(issue.message()).contains("https://example.org/StructureDefinition/religion");
        });
    }

    @Test
    void extensionOutsideItsContextIsRefused() {
        Bundle bundle = referral();
        victim(bundle)
                .addExtension(
                        Canonical.EXT_INCIDENT_PLACE, new Coding(Canonical.CS_INCIDENT_PLACE, "RUMAH_TANGGA", null));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient");
            assertThat(issue.message()).contains(Canonical.EXT_INCIDENT_PLACE).contains("not allowed");
        });
    }

    @Test
    void administrativeCodeWithAnUnknownPartIsRefused() {
        Bundle bundle = referral();
        victim(bundle)
                .getAddressFirstRep()
                .getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE)
                .addExtension("hamlet", new CodeType("0001"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("address").contains("extension");
            assertThat(issue.message()).contains("hamlet");
        });
    }

    @Test
    void citizenshipOtherThanWniOrWnaIsRefused() {
        Bundle bundle = referral();
        victim(bundle).getExtensionByUrl(Canonical.EXT_CITIZENSHIP).setValue(new CodeType("X"));

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("extension");
            assertThat(issue.message()).contains("lintas-cit-1");
        });
    }

    // ---------------------------------------------------------------- Patient

    @Test
    void nikThatIsNot16DigitsIsRefused() {
        Bundle bundle = referral();
        victim(bundle).getIdentifierFirstRep().setValue("64020000000001");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("identifier");
            assertThat(issue.message()).contains("lintas-vic-1");
        });
    }

    @Test
    void phoneNotInE164IsRefused() {
        Bundle bundle = referral();
        victim(bundle).getTelecomFirstRep().setValue("0812-0000-0001");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("telecom");
            assertThat(issue.message()).contains("lintas-vic-2");
        });
    }

    @Test
    void unknownEducationIsRefused() {
        Bundle bundle = referral();
        extensionCoding(victim(bundle), Canonical.EXT_EDUCATION).setCode("S3");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient").contains("extension");
            assertThat(issue.message()).contains("S3");
        });
    }

    @Test
    void wrongProfileForTheResourceTypeIsRefused() {
        Bundle bundle = referral();
        Patient victim = victim(bundle);
        victim.getMeta().getProfile().clear();
        victim.getMeta().addProfile(Canonical.PROFILE_REFERRAL);

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Patient");
            assertThat(issue.message()).contains("lintas-referral");
        });
    }

    // ---------------------------------------------------------------- Condition

    @Test
    void unknownFormOfViolenceIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, Condition.class)
                .orElseThrow()
                .getCode()
                .getCodingFirstRep()
                .setCode("TIDAK_ADA");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Condition").contains("code");
            assertThat(issue.message()).contains("TIDAK_ADA");
        });
    }

    @Test
    void onsetAsAPeriodIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, Condition.class)
                .orElseThrow()
                .setOnset(new Period().setStartElement(new DateTimeType("2025-06-01")));

        assertThat(errorsOf(bundle))
                .anySatisfy(issue ->
                        assertThat(issue.location()).contains("Condition").contains("onset"));
    }

    @Test
    void unknownIncidentPlaceIsRefused() {
        Bundle bundle = referral();
        extensionCoding(Bundles.first(bundle, Condition.class).orElseThrow(), Canonical.EXT_INCIDENT_PLACE)
                .setCode("KAPAL");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Condition").contains("extension");
            assertThat(issue.message()).contains("KAPAL");
        });
    }

    // ---------------------------------------------------------------- ServiceRequest

    @Test
    void unknownServiceIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, ServiceRequest.class)
                .orElseThrow()
                .getCode()
                .getCodingFirstRep()
                .setCode("PIJAT");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("ServiceRequest").contains("code");
            assertThat(issue.message()).contains("PIJAT");
        });
    }

    // ---------------------------------------------------------------- RelatedPerson, Consent

    @Test
    void perpetratorWithoutThePerpetratorRoleIsRefused() {
        Bundle bundle = referral();
        perpetrator(bundle).getRelationship().remove(1);

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("RelatedPerson");
            assertThat(issue.message()).contains("lintas-per-1");
        });
    }

    @Test
    void consentGiverIsNotNamed() {
        Bundle bundle = referral();
        consentGiver(bundle).addName().setText("Ibu Contoh");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("RelatedPerson");
            assertThat(issue.message()).contains("RelatedPerson.name");
        });
    }

    @Test
    void consentWithoutPerformerIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, Consent.class).orElseThrow().getPerformer().clear();

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Consent");
            assertThat(issue.message()).contains("Consent.performer");
        });
    }

    @Test
    void unknownLawfulBasisIsRefused() {
        Bundle bundle = referral();
        Bundles.first(bundle, Consent.class)
                .orElseThrow()
                .getPolicyRule()
                .getCodingFirstRep()
                .setCode("KEINGINAN");

        assertThat(errorsOf(bundle)).anySatisfy(issue -> {
            assertThat(issue.location()).contains("Consent").contains("policyRule");
            assertThat(issue.message()).contains("KEINGINAN");
        });
    }

    // ---------------------------------------------------------------- helpers

    private static List<ValidationReport.Issue> errorsOf(Bundle bundle) {
        ValidationReport report = VALIDATOR.validate(bundle);
        assertThat(report.isValid()).as("the broken bundle must be invalid").isFalse();
        return report.errors();
    }

    private static Patient victim(Bundle bundle) {
        return Bundles.first(bundle, Patient.class).orElseThrow();
    }

    private static RelatedPerson perpetrator(Bundle bundle) {
        return relatedPerson(bundle, Canonical.PROFILE_PERPETRATOR);
    }

    private static RelatedPerson consentGiver(Bundle bundle) {
        return relatedPerson(bundle, Canonical.PROFILE_CONSENT_GIVER);
    }

    private static RelatedPerson relatedPerson(Bundle bundle, String profile) {
        return Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(p -> p.getMeta().hasProfile(profile))
                .findFirst()
                .orElseThrow();
    }

    private static Coding extensionCoding(org.hl7.fhir.r4.model.DomainResource resource, String url) {
        return (Coding) resource.getExtensionByUrl(url).getValue();
    }

    private static Bundle stored(String resource) {
        try (InputStream in = CanonicalValidatorTest.class.getResourceAsStream(resource)) {
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Coding hub(String system, String code) {
        return new Coding(system, code, null);
    }

    private static Coding region(String kemendagri) {
        return new Coding(Canonical.CS_REGION, kemendagri, null);
    }

    private static Extension administrativeCode(String province, String city) {
        Extension code = new Extension(Canonical.EXT_ADMINISTRATIVE_CODE);
        code.addExtension("province", new CodeType(province));
        code.addExtension("city", new CodeType(city));
        return code;
    }

    private static Age years(int years) {
        Age age = new Age();
        age.setValue(BigDecimal.valueOf(years)).setUnit("a").setSystem(UCUM).setCode("a");
        return age;
    }

    private static void profile(org.hl7.fhir.r4.model.Resource resource, String profile) {
        resource.getMeta().addProfile(profile);
    }

    /**
     * A complete canonical referral, as docs/canonical-model.md describes it: one victim (age known,
     * no birth date; two kinds of disability), one form of violence with month precision, one
     * perpetrator, consent given by a parent, two services, sender and destination offices and the
     * sending officer. All names and numbers are invented.
     */
    static Bundle referral() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);

        Task task = new Task();
        profile(task, Canonical.PROFILE_REFERRAL);
        Reference taskRef = Bundles.add(bundle, task);

        Organization sender = new Organization();
        sender.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue("kukar"));
        sender.setName("Dinas Contoh Kabupaten Kutai Kartanegara");
        sender.addAddress().addExtension(administrativeCode("64", "6402"));
        Reference senderRef = Bundles.add(bundle, sender);

        Organization destination = new Organization();
        destination.addIdentifier(
                new Identifier().setSystem(Canonical.SID_PARTICIPANT).setValue("ppu"));
        destination.setName("Unit Contoh Kabupaten Penajam Paser Utara");
        destination.addAddress().addExtension(administrativeCode("64", "6409"));
        Reference destinationRef = Bundles.add(bundle, destination);

        Practitioner officer = new Practitioner();
        officer.addIdentifier(new Identifier().setSystem(Canonical.SID_NIP).setValue("199001012020012001"));
        officer.addName().setText("Petugas Contoh");
        officer.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+6281200000002");
        Reference officerRef = Bundles.add(bundle, officer);

        Patient victim = new Patient();
        profile(victim, Canonical.PROFILE_VICTIM);
        victim.getMeta().addSecurity(new Coding(Canonical.V3_ACT_CODE, Canonical.SENSITIVITY_SDV, null));
        victim.addIdentifier(new Identifier().setSystem(Canonical.SID_NIK).setValue("6402000000000001"));
        victim.addName().setUse(HumanName.NameUse.OFFICIAL).setText("Korban Contoh");
        victim.setGender(AdministrativeGender.FEMALE);
        victim.addExtension(Canonical.EXT_AGE, years(14));
        victim.addExtension(Canonical.EXT_EDUCATION, hub(Canonical.CS_EDUCATION, "SLTP"));
        victim.addExtension(Canonical.EXT_DISABILITY, hub(Canonical.CS_DISABILITY, "FISIK"));
        victim.addExtension(Canonical.EXT_DISABILITY, hub(Canonical.CS_DISABILITY, "SENSORIK"));
        victim.addExtension(Canonical.EXT_OCCUPATION, new StringType("Pelajar"));
        victim.addExtension(Canonical.EXT_CITIZENSHIP, new CodeType("I"));
        victim.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+6281200000001");
        victim.addAddress()
                .setUse(Address.AddressUse.HOME)
                .addLine("Jalan Contoh No. 1")
                .addExtension(administrativeCode("64", "6402"));
        Reference victimRef = Bundles.add(bundle, victim);

        Condition violence = new Condition();
        profile(violence, Canonical.PROFILE_VIOLENCE);
        violence.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        violence.setVerificationStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional", null)));
        violence.addCategory(new CodeableConcept(hub(Canonical.CS_CONDITION_CATEGORY, "KEKERASAN")));
        violence.setCode(new CodeableConcept(hub(Canonical.CS_VIOLENCE_FORM, "SEKSUAL")));
        violence.setSubject(victimRef.copy());
        violence.setOnset(new DateTimeType("2025-06"));
        violence.addExtension(Canonical.EXT_INCIDENT_REGION, region("64.02"));
        violence.addExtension(Canonical.EXT_INCIDENT_PLACE, hub(Canonical.CS_INCIDENT_PLACE, "RUMAH_TANGGA"));
        Bundles.add(bundle, violence);

        RelatedPerson perpetrator = new RelatedPerson();
        profile(perpetrator, Canonical.PROFILE_PERPETRATOR);
        perpetrator.setPatient(victimRef.copy());
        perpetrator.addRelationship(new CodeableConcept(hub(Canonical.CS_RELATIONSHIP, "TETANGGA")));
        perpetrator.addRelationship(new CodeableConcept(hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_PERPETRATOR)));
        perpetrator.addName().setText("Pelaku Contoh");
        perpetrator.setGender(AdministrativeGender.MALE);
        perpetrator.addExtension(Canonical.EXT_AGE, years(40));
        Bundles.add(bundle, perpetrator);

        RelatedPerson giver = new RelatedPerson();
        profile(giver, Canonical.PROFILE_CONSENT_GIVER);
        giver.setPatient(victimRef.copy());
        giver.addRelationship(new CodeableConcept(hub(Canonical.CS_CONSENT_GIVER, "ORANG_TUA")));
        giver.addRelationship(new CodeableConcept(hub(Canonical.CS_PERSON_ROLE, Canonical.ROLE_CONSENT_GIVER)));
        Reference giverRef = Bundles.add(bundle, giver);

        Consent consent = new Consent();
        profile(consent, Canonical.PROFILE_CONSENT);
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", null)));
        consent.setPatient(victimRef.copy());
        consent.setDateTimeElement(new DateTimeType("2025-07-21"));
        consent.addPerformer(giverRef.copy());
        consent.setPolicyRule(new CodeableConcept(hub(Canonical.CS_LAWFUL_BASIS, "PERSETUJUAN")));
        consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        Bundles.add(bundle, consent);

        task.addIdentifier(
                new Identifier().setSystem(Canonical.sourceCaseSystem("kukar")).setValue("KKR/CONTOH/2025/001"));
        task.addExtension(Canonical.EXT_REVISION, new PositiveIntType(1));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept(hub(Canonical.CS_REFERRAL_KIND, "RUJUKAN")));
        task.setPriority(Task.TaskPriority.ASAP);
        task.addExtension(Canonical.EXT_URGENCY, hub(Canonical.CS_URGENCY, "TINGGI"));
        task.setAuthoredOnElement(new DateTimeType("2025-07-22T15:20:00+08:00"));
        task.addExtension(Canonical.EXT_INTAKE_CHANNEL, hub(Canonical.CS_INTAKE_CHANNEL, "DATANG"));
        task.addExtension(Canonical.EXT_REPORTING_REGION, region("64.02"));
        task.addExtension(Canonical.EXT_REQUESTED_DESTINATION, region("64.09"));
        task.setRequester(senderRef.copy());
        task.setOwner(destinationRef.copy());
        task.setFor(victimRef.copy());
        task.addNote(new Annotation().setText("Kronologi contoh: kejadian rekaan untuk pengujian."));
        for (String code : List.of("KESEHATAN", "PSIKOLOGIS")) {
            ServiceRequest service = new ServiceRequest();
            profile(service, Canonical.PROFILE_SERVICE_REQUEST);
            service.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
            service.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            service.setCode(new CodeableConcept(hub(Canonical.CS_SERVICE, code)));
            service.setSubject(victimRef.copy());
            service.setRequester(senderRef.copy());
            task.addBasedOn(Bundles.add(bundle, service));
        }
        task.addInput()
                .setType(new CodeableConcept(hub(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_VICTIM)))
                .setValue(victimRef.copy());
        task.addInput()
                .setType(new CodeableConcept(hub(Canonical.CS_TASK_INPUT, Canonical.TASK_INPUT_OFFICER)))
                .setValue(officerRef.copy());
        // keep the Task first, as the adapters do
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(taskRef.getReference());
        return bundle;
    }
}
