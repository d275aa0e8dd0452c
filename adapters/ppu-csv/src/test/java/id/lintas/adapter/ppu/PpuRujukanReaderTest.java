package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FileBatch;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PpuRujukanReaderTest {

    private static FileBatch batch;
    private static Bundle tppo;
    private static Bundle siblings;

    @BeforeAll
    static void readSample() throws Exception {
        batch = Fixtures.read(Fixtures.RUJUKAN);
        List<CanonicalReferral> referrals = Fixtures.referrals(batch);
        tppo = referrals.get(0).bundle();
        siblings = referrals.get(1).bundle();
    }

    @Test
    void readsThreeRowsAsTwoReferralsOneOfThemWithTwoVictims() {
        assertThat(batch.items())
                .hasSize(2)
                .allSatisfy(item -> assertThat(item.errors()).isEmpty());
        assertThat(batch.items().get(0).rows()).containsExactly(1);
        assertThat(batch.items().get(0).sourceReference()).isEqualTo("PPU/UPTD/2025/117");
        assertThat(batch.items().get(1).rows()).containsExactly(2, 3);
        assertThat(batch.items().get(1).sourceReference()).isEqualTo("PPU/UPTD/2025/118");
        assertThat(Fixtures.referrals(batch))
                .extracting(CanonicalReferral::sourceReference, CanonicalReferral::revision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PPU/UPTD/2025/117", 1),
                        org.assertj.core.groups.Tuple.tuple("PPU/UPTD/2025/118", 1));
        assertThat(Bundles.all(tppo, Patient.class)).hasSize(1);
        assertThat(Bundles.all(siblings, Patient.class)).hasSize(2);
    }

    @Test
    void mapsTheCaseToTheReferralTask() {
        Task task = Bundles.task(tppo);
        assertThat(tppo.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(task.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.lintas.or.id/sid/source-case/ppu");
        assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo("PPU/UPTD/2025/117");
        assertThat(((PositiveIntType)
                                task.getExtensionByUrl(Canonical.EXT_REVISION).getValue())
                        .getValue())
                .isEqualTo(1);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(coding(task.getCode().getCodingFirstRep())).isEqualTo(Canonical.CS_REFERRAL_KIND + "#RUJUKAN");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(coding(ext(task, Canonical.EXT_URGENCY))).isEqualTo(Canonical.CS_URGENCY + "#TINGGI");
        assertThat(coding(ext(task, Canonical.EXT_REPORTING_REGION))).isEqualTo(Canonical.CS_REGION + "#64.09");
        assertThat(coding(ext(task, Canonical.EXT_REQUESTED_DESTINATION))).isEqualTo(Canonical.CS_REGION + "#64.02");
        assertThat(task.getExtensionByUrl(Canonical.EXT_INTAKE_CHANNEL))
                .as("PPU has no intake channel")
                .isNull();
        assertThat(task.getNoteFirstRep().getText()).startsWith("Korban bekerja di warung");
        assertThat(task.getBasedOn()).hasSize(3);

        Task transfer = Bundles.task(siblings);
        assertThat(coding(transfer.getCode().getCodingFirstRep()))
                .isEqualTo(Canonical.CS_REFERRAL_KIND + "#PELIMPAHAN");
        assertThat(transfer.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
    }

    @Test
    void readsWitaTimesWithoutOffsetInTheSendersZone() {
        Task task = Bundles.task(tppo);
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-07-22T15:20:00+08:00");
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-22T07:20:00Z"));
        assertThat(Bundles.task(siblings).getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-22T07:45:00Z"));
        assertThat(Bundles.first(tppo, Condition.class)
                        .orElseThrow()
                        .getOnsetDateTimeType()
                        .getValueAsString())
                .isEqualTo("2025-07-10");
    }

    @Test
    void resolvesRegionNamesWrittenInThreeWaysToTheSameRegency() {
        // Row 1 "Kab. Kutai Kartanegara", row 2 "KAB KUTAI KARTANEGARA", row 3 "Kabupaten Kutai Kartanegara".
        assertThat(domicile(Bundles.first(tppo, Patient.class).orElseThrow())).isEqualTo("6402");
        assertThat(Bundles.all(siblings, Patient.class))
                .extracting(PpuRujukanReaderTest::domicile)
                .containsExactly("6402", "6402");
        // Destination "Kutai Kartanegara" and "KAB KUTAI KARTANEGARA"; incident "Penajam Paser Utara" and "PPU".
        assertThat(ext(Bundles.task(tppo), Canonical.EXT_REQUESTED_DESTINATION).getCode())
                .isEqualTo("64.02");
        assertThat(ext(Bundles.task(siblings), Canonical.EXT_REQUESTED_DESTINATION)
                        .getCode())
                .isEqualTo("64.02");
        assertThat(Bundles.all(tppo, Condition.class))
                .extracting(c -> ext(c, Canonical.EXT_INCIDENT_REGION).getCode())
                .containsOnly("64.09");
        assertThat(Bundles.all(siblings, Condition.class))
                .extracting(c -> ext(c, Canonical.EXT_INCIDENT_REGION).getCode())
                .containsOnly("64.09");
        Extension province = Bundles.first(tppo, Patient.class)
                .orElseThrow()
                .getAddressFirstRep()
                .getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE)
                .getExtensionByUrl("province");
        assertThat(((CodeType) province.getValue()).getValue()).isEqualTo("64");
    }

    @Test
    void mapsTraffickingToTppoWithOneConditionPerVictimAndForm() {
        assertThat(Bundles.all(tppo, Condition.class))
                .extracting(c -> coding(c.getCode().getCodingFirstRep()))
                .containsExactly(Canonical.CS_VIOLENCE_FORM + "#TPPO", Canonical.CS_VIOLENCE_FORM + "#EKSPLOITASI");
        Condition first = Bundles.first(tppo, Condition.class).orElseThrow();
        assertThat(first.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(first.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
        assertThat(coding(first.getCategoryFirstRep().getCodingFirstRep()))
                .isEqualTo(Canonical.CS_CONDITION_CATEGORY + "#KEKERASAN");
        assertThat(coding(ext(first, Canonical.EXT_INCIDENT_PLACE)))
                .isEqualTo(Canonical.CS_INCIDENT_PLACE + "#TEMPAT_KERJA");

        List<Patient> victims = Bundles.all(siblings, Patient.class);
        List<Condition> conditions = Bundles.all(siblings, Condition.class);
        assertThat(conditions).hasSize(4);
        for (Patient victim : victims) {
            String ref = Bundles.fullUrl(siblings, victim);
            assertThat(conditions.stream().filter(c -> ref.equals(c.getSubject().getReference())))
                    .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                    .containsExactly("FISIK", "PSIKIS");
        }
    }

    @Test
    void mapsEachRowToAVictim() {
        Patient adult = Bundles.first(tppo, Patient.class).orElseThrow();
        assertThat(adult.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_NIK);
        assertThat(adult.getIdentifierFirstRep().getValue()).isEqualTo("6402066811970001");
        assertThat(adult.getNameFirstRep().getText()).isEqualTo("Sri Wahyuni");
        assertThat(adult.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(adult.getBirthDateElement().getValueAsString()).isEqualTo("1997-11-28");
        assertThat(adult.getExtensionByUrl(Canonical.EXT_AGE)).isNull();
        assertThat(coding(ext(adult, Canonical.EXT_EDUCATION))).isEqualTo(Canonical.CS_EDUCATION + "#SLTA");
        assertThat(adult.getExtensionsByUrl(Canonical.EXT_DISABILITY)).isEmpty();
        assertThat(adult.getAddressFirstRep().getLine().get(0).getValue())
                .isEqualTo("Jl. Jend. Sudirman Gg. Mawar No. 4");
        assertThat(adult.getMeta().getSecurity()).isEmpty();

        List<Patient> children = Bundles.all(siblings, Patient.class);
        Patient boy = children.get(0);
        assertThat(boy.getIdentifier()).isEmpty();
        assertThat(boy.hasBirthDate()).isFalse();
        Age age = (Age) boy.getExtensionByUrl(Canonical.EXT_AGE).getValue();
        assertThat(age.getValue().intValue()).isEqualTo(12);
        assertThat(age.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(age.getCode()).isEqualTo("a");
        Patient girl = children.get(1);
        assertThat(girl.getExtensionsByUrl(Canonical.EXT_DISABILITY))
                .extracting(e -> coding((Coding) e.getValue()))
                .containsExactly(Canonical.CS_DISABILITY + "#SENSORIK");
        // Violence at home: both children's records carry the SDV label.
        assertThat(children)
                .allSatisfy(child -> assertThat(child.getMeta().getSecurity())
                        .extracting(PpuRujukanReaderTest::coding)
                        .containsExactly(Canonical.V3_ACT_CODE + "#SDV"));
        Task task = Bundles.task(siblings);
        assertThat(task.getFor().getReference()).isEqualTo(Bundles.fullUrl(siblings, boy));
        assertThat(task.getInput())
                .filteredOn(i -> "VICTIM".equals(i.getType().getCodingFirstRep().getCode()))
                .extracting(i -> ((Reference) i.getValue()).getReference())
                .containsExactly(Bundles.fullUrl(siblings, boy), Bundles.fullUrl(siblings, girl));
    }

    @Test
    void keepsOnePerpetratorWhenTheSameOneIsTypedOnEveryRowOfTheCase() {
        List<RelatedPerson> perpetrators = perpetrators(siblings);
        assertThat(perpetrators).singleElement().satisfies(p -> {
            assertThat(p.getNameFirstRep().getText()).isEqualTo("Slamet R.");
            assertThat(p.getGender()).isEqualTo(AdministrativeGender.MALE);
            assertThat(((Age) p.getExtensionByUrl(Canonical.EXT_AGE).getValue())
                            .getValue()
                            .intValue())
                    .isEqualTo(40);
            assertThat(coding(p.getRelationship().get(0).getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_RELATIONSHIP + "#ORANG_TUA");
            assertThat(coding(p.getRelationship().get(1).getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_PERSON_ROLE + "#PELAKU");
            assertThat(p.getPatient().getReference())
                    .isEqualTo(Bundles.fullUrl(
                            siblings, Bundles.first(siblings, Patient.class).orElseThrow()));
        });
        assertThat(perpetrators(tppo))
                .singleElement()
                .satisfies(p -> assertThat(
                                p.getRelationship().get(0).getCodingFirstRep().getCode())
                        .isEqualTo("MAJIKAN"));
    }

    @Test
    void recordsConsentPerVictimWithTheGiver() {
        Consent own = Bundles.first(tppo, Consent.class).orElseThrow();
        Patient adult = Bundles.first(tppo, Patient.class).orElseThrow();
        assertThat(own.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(own.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(own.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(coding(own.getCategoryFirstRep().getCodingFirstRep())).isEqualTo("http://loinc.org#59284-0");
        assertThat(own.getPatient().getReference()).isEqualTo(Bundles.fullUrl(tppo, adult));
        assertThat(own.getPerformerFirstRep().getReference()).isEqualTo(Bundles.fullUrl(tppo, adult));
        assertThat(coding(own.getPolicyRule().getCodingFirstRep()))
                .isEqualTo(Canonical.CS_LAWFUL_BASIS + "#PERSETUJUAN");
        assertThat(own.hasDateTime()).isTrue();

        List<Consent> consents = Bundles.all(siblings, Consent.class);
        assertThat(consents).hasSize(2).allSatisfy(consent -> {
            RelatedPerson giver = Bundles.resolve(siblings, consent.getPerformerFirstRep(), RelatedPerson.class)
                    .orElseThrow();
            assertThat(coding(giver.getRelationship().get(0).getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_CONSENT_GIVER + "#PENDAMPING");
            assertThat(coding(giver.getRelationship().get(1).getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_PERSON_ROLE + "#PEMBERI_PERSETUJUAN");
            assertThat(giver.getPatient().getReference())
                    .isEqualTo(consent.getPatient().getReference());
            assertThat(giver.hasName()).isFalse();
        });
    }

    @Test
    void mapsServicesOfficerAndSender() {
        assertThat(Bundles.all(tppo, ServiceRequest.class))
                .extracting(s -> coding(s.getCode().getCodingFirstRep()))
                .containsExactly(
                        Canonical.CS_SERVICE + "#PSIKOLOGIS",
                        Canonical.CS_SERVICE + "#BANTUAN_HUKUM",
                        Canonical.CS_SERVICE + "#PEMULANGAN");
        Organization sender = Bundles.first(tppo, Organization.class).orElseThrow();
        assertThat(sender.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_PARTICIPANT);
        assertThat(sender.getIdentifierFirstRep().getValue()).isEqualTo("ppu");
        ServiceRequest first = Bundles.first(tppo, ServiceRequest.class).orElseThrow();
        assertThat(first.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(first.getRequester().getReference()).isEqualTo(Bundles.fullUrl(tppo, sender));
        assertThat(Bundles.task(tppo).getRequester().getReference()).isEqualTo(Bundles.fullUrl(tppo, sender));
        Practitioner officer = Bundles.first(tppo, Practitioner.class).orElseThrow();
        assertThat(officer.getNameFirstRep().getText()).isEqualTo("Hj. Mariam");
        assertThat(officer.getIdentifier()).isEmpty();
        assertThat(Bundles.task(tppo).getInput())
                .filteredOn(
                        i -> "OFFICER".equals(i.getType().getCodingFirstRep().getCode()))
                .singleElement()
                .satisfies(i -> assertThat(((Reference) i.getValue()).getReference())
                        .isEqualTo(Bundles.fullUrl(tppo, officer)));
    }

    @Test
    void givesEveryProfiledResourceItsProfileAndEveryEntryAUrnUuid() {
        for (Bundle bundle : List.of(tppo, siblings)) {
            assertThat(bundle.getEntry())
                    .allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));
            assertThat(profiles(bundle, Task.class)).containsOnly(Canonical.PROFILE_REFERRAL);
            assertThat(profiles(bundle, ServiceRequest.class)).containsOnly(Canonical.PROFILE_SERVICE_REQUEST);
            assertThat(profiles(bundle, Patient.class)).containsOnly(Canonical.PROFILE_VICTIM);
            assertThat(profiles(bundle, Condition.class)).containsOnly(Canonical.PROFILE_VIOLENCE);
            assertThat(profiles(bundle, Consent.class)).containsOnly(Canonical.PROFILE_CONSENT);
            assertThat(Bundles.all(bundle, RelatedPerson.class))
                    .allSatisfy(p -> assertThat(p.getMeta().getProfile())
                            .extracting(t -> t.getValue())
                            .containsAnyOf(Canonical.PROFILE_PERPETRATOR, Canonical.PROFILE_CONSENT_GIVER));
        }
    }

    static List<RelatedPerson> perpetrators(Bundle bundle) {
        return Bundles.all(bundle, RelatedPerson.class).stream()
                .filter(PerpetratorMapper::isPerpetrator)
                .toList();
    }

    private static List<String> profiles(Bundle bundle, Class<? extends DomainResource> type) {
        return Bundles.all(bundle, type).stream()
                .flatMap(r -> r.getMeta().getProfile().stream())
                .map(t -> t.getValue())
                .toList();
    }

    static String domicile(Patient patient) {
        Extension city = patient.getAddressFirstRep()
                .getExtensionByUrl(Canonical.EXT_ADMINISTRATIVE_CODE)
                .getExtensionByUrl("city");
        return ((CodeType) city.getValue()).getValue();
    }

    static Coding ext(DomainResource resource, String url) {
        return (Coding) resource.getExtensionByUrl(url).getValue();
    }

    static String coding(Coding coding) {
        return coding.getSystem() + "#" + coding.getCode();
    }
}
