package id.lintas.adapter.kukar;

import static id.lintas.adapter.kukar.KukarSamples.CHILD;
import static id.lintas.adapter.kukar.KukarSamples.TPPO;
import static id.lintas.adapter.kukar.KukarSamples.TWO_VICTIMS;
import static id.lintas.adapter.kukar.KukarSamples.read;
import static id.lintas.contracts.testing.CanonicalAssertions.administrativeCode;
import static id.lintas.contracts.testing.CanonicalAssertions.assertProfiles;
import static id.lintas.contracts.testing.CanonicalAssertions.code;
import static id.lintas.contracts.testing.CanonicalAssertions.consentGivers;
import static id.lintas.contracts.testing.CanonicalAssertions.extensionCode;
import static id.lintas.contracts.testing.CanonicalAssertions.inputs;
import static id.lintas.contracts.testing.CanonicalAssertions.perpetrators;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalReferral;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class KukarReferralMapperTest {

    @Test
    void mapsTppoReferralWithWitaTimeMonthOnlyIncidentAndBpsRegions() throws Exception {
        CanonicalReferral referral = read(TPPO);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.sourceReference()).isEqualTo("KKR/2025/0412");
        assertThat(referral.revision()).isEqualTo(1);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));

        assertThat(task.getIdentifierFirstRep().getSystem())
                .isEqualTo("https://fhir.lintas.or.id/sid/source-case/kukar");
        assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo("KKR/2025/0412");
        assertThat(((PositiveIntType)
                                task.getExtensionByUrl(Canonical.EXT_REVISION).getValue())
                        .getValue())
                .isEqualTo(1);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(code(task.getCode().getCodingFirstRep())).isEqualTo(Canonical.CS_REFERRAL_KIND + "#RUJUKAN");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(extensionCode(task, Canonical.EXT_URGENCY)).isEqualTo(Canonical.CS_URGENCY + "#TINGGI");
        assertThat(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL))
                .isEqualTo(Canonical.CS_INTAKE_CHANNEL + "#PIHAK_LAIN");

        // 21-07-2025 09:15 WITA, sent without offset.
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-21T01:15:00Z"));
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-07-21T09:15:00+08:00");

        assertThat(extensionCode(task, Canonical.EXT_REPORTING_REGION)).isEqualTo(Canonical.CS_REGION + "#64.02");
        // tujuan 6409 (BPS) is Penajam Paser Utara, 64.09 in Kemendagri.
        assertThat(extensionCode(task, Canonical.EXT_REQUESTED_DESTINATION)).isEqualTo(Canonical.CS_REGION + "#64.09");
        assertThat(task.getNoteFirstRep().getText()).startsWith("Korban dijanjikan pekerjaan");

        List<ServiceRequest> requests = Bundles.all(bundle, ServiceRequest.class);
        assertThat(requests)
                .extracting(r -> r.getCode().getCodingFirstRep().getCode())
                .containsExactly("PSIKOLOGIS", "BANTUAN_HUKUM", "PEMULANGAN", "REINTEGRASI_SOSIAL");
        assertThat(task.getBasedOn())
                .extracting(Reference::getReference)
                .containsExactlyElementsOf(
                        requests.stream().map(r -> Bundles.fullUrl(bundle, r)).toList());
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
            assertThat(r.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
            assertThat(r.getCode().getCodingFirstRep().getSystem()).isEqualTo(Canonical.CS_SERVICE);
            assertThat(r.getSubject().getReference()).isEqualTo(task.getFor().getReference());
            assertThat(r.getRequester().getReference())
                    .isEqualTo(task.getRequester().getReference());
        });

        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        assertThat(Bundles.all(bundle, Patient.class)).hasSize(1);
        assertThat(task.getFor().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
        assertThat(victim.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.kemkes.go.id/id/nik");
        assertThat(victim.getIdentifierFirstRep().getValue()).isEqualTo("6409015203990002");
        assertThat(victim.getNameFirstRep().getText()).isEqualTo("Rina Marlina");
        assertThat(victim.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(victim.getBirthDateElement().getValueAsString()).isEqualTo("1999-03-12");
        assertThat(victim.getTelecomFirstRep().getValue()).isEqualTo("+6281254321098");
        assertThat(victim.getAddressFirstRep().getLine().get(0).getValue())
                .isEqualTo("Jl. Provinsi KM 9 RT 07, Nipah-Nipah");
        assertThat(administrativeCode(victim)).containsEntry("province", "64").containsEntry("city", "6409");
        assertThat(((CodeType) victim.getExtensionByUrl(Canonical.EXT_CITIZENSHIP)
                                .getValue())
                        .getValue())
                .isEqualTo("I");
        assertThat(extensionCode(victim, Canonical.EXT_EDUCATION)).isEqualTo(Canonical.CS_EDUCATION + "#SLTA");
        assertThat(((StringType) victim.getExtensionByUrl(Canonical.EXT_OCCUPATION)
                                .getValue())
                        .getValue())
                .isEqualTo("Tidak bekerja");
        assertThat(victim.getExtensionsByUrl(Canonical.EXT_DISABILITY)).isEmpty();
        // Trafficking at a workplace: not sexual or domestic violence, so no SDV label.
        assertThat(victim.getMeta().getSecurity()).isEmpty();

        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions)
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("TPPO", "EKSPLOITASI", "PSIKIS");
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.getOnsetDateTimeType().getPrecision()).isEqualTo(TemporalPrecisionEnum.MONTH);
            assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-06");
            // kejadian 6403 (BPS) is Kutai Kartanegara, 64.02 in Kemendagri, not Berau (64.03).
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_REGION)).isEqualTo(Canonical.CS_REGION + "#64.02");
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_PLACE))
                    .isEqualTo(Canonical.CS_INCIDENT_PLACE + "#TEMPAT_KERJA");
            assertThat(c.getSubject().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
            assertThat(c.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
            assertThat(c.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
            assertThat(code(c.getCategoryFirstRep().getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_CONDITION_CATEGORY + "#KEKERASAN");
        });

        List<RelatedPerson> perpetrators = perpetrators(bundle);
        assertThat(perpetrators)
                .extracting(p -> p.getRelationship().get(0).getCodingFirstRep().getCode())
                .containsExactly("LAINNYA", "TIDAK_DIKETAHUI");
        assertThat(perpetrators.get(0).getNameFirstRep().getText()).isEqualTo("Herman S.");
        assertThat(perpetrators.get(0).getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(((Age) perpetrators
                                .get(0)
                                .getExtensionByUrl(Canonical.EXT_AGE)
                                .getValue())
                        .getValue())
                .isEqualByComparingTo("41");
        assertThat(perpetrators.get(1).getExtensionByUrl(Canonical.EXT_AGE)).isNull();
        assertThat(perpetrators)
                .allSatisfy(p -> assertThat(p.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim)));

        Consent consent = Bundles.all(bundle, Consent.class).get(0);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(consent.getPerformerFirstRep().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
        assertThat(code(consent.getPolicyRule().getCodingFirstRep()))
                .isEqualTo(Canonical.CS_LAWFUL_BASIS + "#PERSETUJUAN");
        assertThat(consent.getDateTimeElement().getValueAsString()).isEqualTo("2025-07-21");
        assertThat(consent.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(consent.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("59284-0");
        assertThat(consentGivers(bundle)).isEmpty();

        Organization sender = Bundles.first(bundle, Organization.class).orElseThrow();
        assertThat(task.getRequester().getReference()).isEqualTo(Bundles.fullUrl(bundle, sender));
        assertThat(sender.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_PARTICIPANT);
        assertThat(sender.getIdentifierFirstRep().getValue()).isEqualTo("kukar");
        assertThat(sender.getName()).isEqualTo("DP3A Kabupaten Kutai Kartanegara");

        Practitioner officer = Bundles.first(bundle, Practitioner.class).orElseThrow();
        assertThat(officer.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_NIP);
        assertThat(officer.getIdentifierFirstRep().getValue()).isEqualTo("198704122010012003");
        assertThat(officer.getNameFirstRep().getText()).isEqualTo("Dewi Anggraini");
        assertThat(officer.getTelecomFirstRep().getValue()).isEqualTo("+62541661234");
        assertThat(inputs(task, "OFFICER")).containsExactly(Bundles.fullUrl(bundle, officer));
        assertThat(inputs(task, "VICTIM")).containsExactly(Bundles.fullUrl(bundle, victim));

        assertProfiles(bundle);
    }

    @Test
    void mapsChildVictimWithConsentByHerMotherAndNoDestination() throws Exception {
        CanonicalReferral referral = read(CHILD);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.revision()).as("revisi absent: defaults to 1").isEqualTo(1);
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-28T06:40:00Z"));
        assertThat(task.getExtensionByUrl(Canonical.EXT_REQUESTED_DESTINATION))
                .as("no tujuan: the hub decides")
                .isNull();
        assertThat(task.hasOwner()).isFalse();
        assertThat(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL))
                .isEqualTo(Canonical.CS_INTAKE_CHANNEL + "#DATANG");

        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        assertThat(victim.getTelecom()).isEmpty();
        assertThat(victim.getMeta().getSecurity())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Canonical.V3_ACT_CODE, "SDV"));
        assertThat(victim.getExtensionsByUrl(Canonical.EXT_DISABILITY))
                .extracting(e -> ((Coding) e.getValue()).getCode())
                .containsExactly("SENSORIK");
        assertThat(extensionCode(victim, Canonical.EXT_EDUCATION)).isEqualTo(Canonical.CS_EDUCATION + "#SLTP");

        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions)
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("SEKSUAL", "PSIKIS");
        assertThat(conditions.get(0).getOnsetDateTimeType().getPrecision()).isEqualTo(TemporalPrecisionEnum.DAY);
        assertThat(conditions.get(0).getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-07-26");
        assertThat(extensionCode(conditions.get(0), Canonical.EXT_INCIDENT_PLACE))
                .isEqualTo(Canonical.CS_INCIDENT_PLACE + "#DARING");

        assertThat(perpetrators(bundle))
                .singleElement()
                .satisfies(p -> assertThat(code(p.getRelationship().get(0).getCodingFirstRep()))
                        .isEqualTo(Canonical.CS_RELATIONSHIP + "#PACAR_TEMAN"));

        RelatedPerson mother = consentGivers(bundle).get(0);
        assertThat(consentGivers(bundle)).hasSize(1);
        assertThat(code(mother.getRelationship().get(0).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_CONSENT_GIVER + "#ORANG_TUA");
        assertThat(code(mother.getRelationship().get(1).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_PERSON_ROLE + "#PEMBERI_PERSETUJUAN");
        assertThat(mother.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
        assertThat(mother.hasName()).as("a consent giver carries no name").isFalse();
        Consent consent = Bundles.all(bundle, Consent.class).get(0);
        assertThat(consent.getPerformerFirstRep().getReference()).isEqualTo(Bundles.fullUrl(bundle, mother));
        assertThat(consent.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));

        assertProfiles(bundle);
    }

    @Test
    void mapsTransferWithTwoVictimsToTwoPatientsAndFourConditions() throws Exception {
        CanonicalReferral referral = read(TWO_VICTIMS);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.sourceReference()).isEqualTo("KKR/2025/0455");
        assertThat(referral.revision()).isEqualTo(2);
        assertThat(code(task.getCode().getCodingFirstRep())).isEqualTo(Canonical.CS_REFERRAL_KIND + "#PELIMPAHAN");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL))
                .isEqualTo(Canonical.CS_INTAKE_CHANNEL + "#PENJANGKAUAN");

        List<Patient> victims = Bundles.all(bundle, Patient.class);
        assertThat(victims).hasSize(2);
        assertThat(inputs(task, "VICTIM"))
                .containsExactly(Bundles.fullUrl(bundle, victims.get(0)), Bundles.fullUrl(bundle, victims.get(1)));
        Patient boy = victims.get(0);
        assertThat(boy.hasIdentifier()).as("a child without a NIK").isFalse();
        assertThat(boy.hasBirthDate()).isFalse();
        Age age = (Age) boy.getExtensionByUrl(Canonical.EXT_AGE).getValue();
        assertThat(age.getValue()).isEqualByComparingTo("7");
        assertThat(age.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(age.getCode()).isEqualTo("a");
        assertThat(extensionCode(boy, Canonical.EXT_EDUCATION)).isEqualTo(Canonical.CS_EDUCATION + "#SD");
        assertThat(extensionCode(victims.get(1), Canonical.EXT_EDUCATION))
                .isEqualTo(Canonical.CS_EDUCATION + "#TIDAK_SEKOLAH");
        assertThat(victims.get(1).getBirthDateElement().getValueAsString()).isEqualTo("2015-10-04");
        assertThat(victims).allSatisfy(v -> {
            assertThat(administrativeCode(v)).containsEntry("city", "6409");
            // Household violence: SDV label.
            assertThat(v.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("SDV");
        });

        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions).hasSize(4);
        for (Patient victim : victims) {
            assertThat(conditions.stream()
                            .filter(c -> c.getSubject().getReference().equals(Bundles.fullUrl(bundle, victim)))
                            .map(c -> c.getCode().getCodingFirstRep().getCode()))
                    .containsExactly("PENELANTARAN", "FISIK");
        }
        assertThat(conditions)
                .allSatisfy(c -> assertThat(extensionCode(c, Canonical.EXT_INCIDENT_REGION))
                        .isEqualTo(Canonical.CS_REGION + "#64.09"));

        assertThat(perpetrators(bundle)).singleElement().satisfies(p -> {
            assertThat(p.getRelationship().get(0).getCodingFirstRep().getCode()).isEqualTo("ORANG_TUA");
            assertThat(p.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, boy));
        });

        List<Consent> consents = Bundles.all(bundle, Consent.class);
        assertThat(consents).hasSize(2);
        assertThat(consentGivers(bundle))
                .hasSize(2)
                .allSatisfy(g -> assertThat(
                                g.getRelationship().get(0).getCodingFirstRep().getCode())
                        .isEqualTo("PENDAMPING"));
        assertThat(consents).allSatisfy(c -> {
            assertThat(code(c.getPolicyRule().getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_LAWFUL_BASIS + "#KEWAJIBAN_HUKUM");
            assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
            RelatedPerson giver = Bundles.resolve(bundle, c.getPerformerFirstRep(), RelatedPerson.class)
                    .orElseThrow();
            assertThat(giver.getPatient().getReference())
                    .isEqualTo(c.getPatient().getReference());
        });

        assertProfiles(bundle);
    }

    @Test
    void mapsRefusedSharingToRejectedConsentThatDenies() throws Exception {
        var json = KukarSamples.json(TPPO);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("persetujuan")).put("berbagi_data", "Tidak");

        Bundle bundle = KukarSamples.ADAPTER
                .readReferral(KukarSamples.bytes(json), KukarSamples.KUKAR)
                .bundle();

        Consent consent = Bundles.all(bundle, Consent.class).get(0);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.REJECTED);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
    }
}
