package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.CHILD;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.TPPO;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.read;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class PrabumulihReferralMapperTest {

    @Test
    void mapsTppoCaseWithWibTimeKemendagriCodesWithoutDotsAndNumericCodes() throws Exception {
        CanonicalReferral referral = read(TPPO);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.sourceReference()).isEqualTo("PBM-SL-2025-0077");
        assertThat(referral.revision()).isEqualTo(1);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));

        assertThat(task.getIdentifier())
                .extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(
                        Tuple.tuple("https://fhir.lintas.or.id/sid/source-case/prabumulih", "PBM-SL-2025-0077"),
                        Tuple.tuple("urn:ietf:rfc:3986", "urn:uuid:5b2f7c0e-3d61-4f7a-9a52-1c0e8d7f4a10"));
        assertThat(((PositiveIntType)
                                task.getExtensionByUrl(Canonical.EXT_REVISION).getValue())
                        .getValue())
                .isEqualTo(1);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(code(task.getCode().getCodingFirstRep())).isEqualTo(Canonical.CS_REFERRAL_KIND + "#RUJUKAN");
        // prioritas 1 is the highest.
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ASAP);
        assertThat(extensionCode(task, Canonical.EXT_URGENCY)).isEqualTo(Canonical.CS_URGENCY + "#TINGGI");
        // media_pengaduan E: third party.
        assertThat(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL))
                .isEqualTo(Canonical.CS_INTAKE_CHANNEL + "#PIHAK_LAIN");

        // 2025-07-16T10:20:00 WIB, sent without offset.
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-16T03:20:00Z"));
        assertThat(task.getAuthoredOnElement().getValueAsString()).isEqualTo("2025-07-16T10:20:00+07:00");

        assertThat(extensionCode(task, Canonical.EXT_REPORTING_REGION)).isEqualTo(Canonical.CS_REGION + "#16.74");
        // tujuan_kotkab 31 is the province DKI Jakarta.
        assertThat(extensionCode(task, Canonical.EXT_REQUESTED_DESTINATION)).isEqualTo(Canonical.CS_REGION + "#31");
        assertThat(task.getReasonCode().getText())
                .isEqualTo("Tempat kejadian di DKI Jakarta; proses hukum dan perlindungan LPSK");
        assertThat(task.getNoteFirstRep().getText()).startsWith("Yuliana direkrut");

        List<ServiceRequest> requests = Bundles.all(bundle, ServiceRequest.class);
        assertThat(requests)
                .extracting(r -> r.getCode().getCodingFirstRep().getCode())
                .containsExactly("BANTUAN_HUKUM", "PENEGAKAN_HUKUM", "PERLINDUNGAN_LPSK");
        assertThat(task.getBasedOn())
                .extracting(Reference::getReference)
                .containsExactlyElementsOf(
                        requests.stream().map(r -> Bundles.fullUrl(bundle, r)).toList());
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
            assertThat(r.getCode().getCodingFirstRep().getSystem()).isEqualTo(Canonical.CS_SERVICE);
            assertThat(r.getSubject().getReference()).isEqualTo(task.getFor().getReference());
            assertThat(r.getRequester().getReference())
                    .isEqualTo(task.getRequester().getReference());
        });

        Patient victim = Bundles.all(bundle, Patient.class).get(0);
        assertThat(Bundles.all(bundle, Patient.class)).hasSize(1);
        assertThat(task.getFor().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
        assertThat(victim.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_NIK);
        assertThat(victim.getIdentifierFirstRep().getValue()).isEqualTo("1674026706000005");
        assertThat(victim.getNameFirstRep().getText()).isEqualTo("Yuliana Safitri");
        assertThat(victim.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(victim.getBirthDateElement().getValueAsString()).isEqualTo("2000-06-27");
        assertThat(victim.getExtensionByUrl(Canonical.EXT_AGE)).isNull();
        assertThat(victim.getTelecomFirstRep().getValue()).isEqualTo("+6281377881122");
        assertThat(victim.getAddressFirstRep().getLine().get(0).getValue())
                .isEqualTo("Jl. Jenderal Sudirman Gg. Kenanga No. 8, Prabumulih Timur");
        assertThat(administrativeCode(victim))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "16", "city", "1674", "district", "167402"));
        assertThat(((CodeType) victim.getExtensionByUrl(Canonical.EXT_CITIZENSHIP)
                                .getValue())
                        .getValue())
                .isEqualTo("I");
        assertThat(extensionCode(victim, Canonical.EXT_EDUCATION)).isEqualTo(Canonical.CS_EDUCATION + "#SLTA");
        assertThat(victim.getExtensionsByUrl(Canonical.EXT_DISABILITY))
                .as("<disabilitas/> is none")
                .isEmpty();
        // Trafficking at a workplace: not sexual or domestic violence, so no SDV label.
        assertThat(victim.getMeta().getSecurity()).isEmpty();

        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions)
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("TPPO", "EKSPLOITASI");
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.getOnsetDateTimeType().getPrecision()).isEqualTo(TemporalPrecisionEnum.DAY);
            assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-05-02");
            // kotkab 3174 is Jakarta Selatan in Kemendagri (in BPS 3174 would be Jakarta Barat).
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_REGION)).isEqualTo(Canonical.CS_REGION + "#31.74");
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_PLACE))
                    .isEqualTo(Canonical.CS_INCIDENT_PLACE + "#TEMPAT_KERJA");
            assertThat(c.getSubject().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));
            assertThat(code(c.getCategoryFirstRep().getCodingFirstRep()))
                    .isEqualTo(Canonical.CS_CONDITION_CATEGORY + "#KEKERASAN");
        });

        RelatedPerson recruiter = perpetrators(bundle).get(0);
        assertThat(perpetrators(bundle)).hasSize(1);
        assertThat(code(recruiter.getRelationship().get(0).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_RELATIONSHIP + "#LAINNYA");
        assertThat(code(recruiter.getRelationship().get(1).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_PERSON_ROLE + "#PELAKU");
        assertThat(recruiter.getNameFirstRep().getText()).isEqualTo("Lestari (perekrut)");
        assertThat(recruiter.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(((Age) recruiter.getExtensionByUrl(Canonical.EXT_AGE).getValue()).getValue())
                .isEqualByComparingTo("37");
        assertThat(recruiter.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, victim));

        Consent consent = Bundles.all(bundle, Consent.class).get(0);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(consent.getPerformerFirstRep().getReference())
                .as("oleh KLIEN: the victim herself")
                .isEqualTo(Bundles.fullUrl(bundle, victim));
        assertThat(code(consent.getPolicyRule().getCodingFirstRep()))
                .isEqualTo(Canonical.CS_LAWFUL_BASIS + "#PERSETUJUAN");
        assertThat(consent.getDateTimeElement().getValueAsString()).isEqualTo("2025-07-16");
        assertThat(consentGivers(bundle)).isEmpty();

        Organization sender = Bundles.first(bundle, Organization.class).orElseThrow();
        assertThat(task.getRequester().getReference()).isEqualTo(Bundles.fullUrl(bundle, sender));
        assertThat(sender.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_PARTICIPANT);
        assertThat(sender.getIdentifierFirstRep().getValue()).isEqualTo("prabumulih");
        assertThat(sender.getName()).isEqualTo("DP2KBPPPA Kota Prabumulih");

        Practitioner officer = Bundles.first(bundle, Practitioner.class).orElseThrow();
        assertThat(officer.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.SID_NIP);
        assertThat(officer.getIdentifierFirstRep().getValue()).isEqualTo("198512302011012004");
        assertThat(officer.getNameFirstRep().getText()).isEqualTo("Eka Putri");
        assertThat(inputs(task, "OFFICER")).containsExactly(Bundles.fullUrl(bundle, officer));
        assertThat(inputs(task, "VICTIM")).containsExactly(Bundles.fullUrl(bundle, victim));

        assertProfiles(bundle);
    }

    @Test
    void mapsChildCaseWithAgeParentalConsentAndSensitivityLabel() throws Exception {
        CanonicalReferral referral = read(CHILD);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.sourceReference()).isEqualTo("PBM-SL-2025-0081");
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(Instant.parse("2025-07-19T09:05:00Z"));
        assertThat(extensionCode(task, Canonical.EXT_INTAKE_CHANNEL))
                .isEqualTo(Canonical.CS_INTAKE_CHANNEL + "#DATANG");
        // tujuan_kotkab 6402 is Kutai Kartanegara in Kemendagri (in BPS 6402 would be Kutai Barat).
        assertThat(extensionCode(task, Canonical.EXT_REQUESTED_DESTINATION)).isEqualTo(Canonical.CS_REGION + "#64.02");
        assertThat(Bundles.all(bundle, ServiceRequest.class))
                .extracting(r -> r.getCode().getCodingFirstRep().getCode())
                .containsExactly("KESEHATAN", "PSIKOLOGIS", "REINTEGRASI_SOSIAL");

        Patient child = Bundles.all(bundle, Patient.class).get(0);
        assertThat(child.hasIdentifier()).as("a child without a NIK").isFalse();
        assertThat(child.hasBirthDate()).isFalse();
        Age age = (Age) child.getExtensionByUrl(Canonical.EXT_AGE).getValue();
        assertThat(age.getValue()).isEqualByComparingTo("10");
        assertThat(age.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(age.getCode()).isEqualTo("a");
        assertThat(child.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(child.getTelecom()).isEmpty();
        assertThat(extensionCode(child, Canonical.EXT_EDUCATION)).isEqualTo(Canonical.CS_EDUCATION + "#SD");
        assertThat(child.getExtensionsByUrl(Canonical.EXT_DISABILITY))
                .extracting(e -> ((Coding) e.getValue()).getCode())
                .containsExactly("INTELEKTUAL");
        assertThat(administrativeCode(child))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "64", "city", "6402", "district", "640206"));
        // Violence in a household: the record is labelled sexual/domestic violence.
        assertThat(child.getMeta().getSecurity())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(Tuple.tuple(Canonical.V3_ACT_CODE, "SDV"));

        List<Condition> conditions = Bundles.all(bundle, Condition.class);
        assertThat(conditions)
                .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("FISIK", "PSIKIS");
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2025-07-14");
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_REGION)).isEqualTo(Canonical.CS_REGION + "#16.74");
            assertThat(extensionCode(c, Canonical.EXT_INCIDENT_PLACE))
                    .isEqualTo(Canonical.CS_INCIDENT_PLACE + "#RUMAH_TANGGA");
        });
        assertThat(perpetrators(bundle))
                .singleElement()
                .satisfies(
                        uncle -> assertThat(code(uncle.getRelationship().get(0).getCodingFirstRep()))
                                .isEqualTo(Canonical.CS_RELATIONSHIP + "#KELUARGA"));

        RelatedPerson parent = consentGivers(bundle).get(0);
        assertThat(consentGivers(bundle)).hasSize(1);
        assertThat(code(parent.getRelationship().get(0).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_CONSENT_GIVER + "#ORANG_TUA");
        assertThat(code(parent.getRelationship().get(1).getCodingFirstRep()))
                .isEqualTo(Canonical.CS_PERSON_ROLE + "#PEMBERI_PERSETUJUAN");
        assertThat(parent.hasName()).as("a consent giver carries no name").isFalse();
        Consent consent = Bundles.all(bundle, Consent.class).get(0);
        assertThat(consent.getPerformerFirstRep().getReference()).isEqualTo(Bundles.fullUrl(bundle, parent));
        assertThat(consent.getPatient().getReference()).isEqualTo(Bundles.fullUrl(bundle, child));

        assertProfiles(bundle);
    }

    @Test
    void readsTransferWithRevisionTwoVictimsRefusedConsentAndBothPsychologicalServices() throws Exception {
        String text = PrabumulihSamples.text(CHILD)
                .replace("versi=\"1\"", "versi=\"3\"")
                .replace("<jenis_rujukan>RUJUKAN</jenis_rujukan>", "<jenis_rujukan>PELIMPAHAN</jenis_rujukan>")
                .replace("<prioritas>1</prioritas>", "<prioritas>3</prioritas>")
                .replace("<layanan kode=\"02\"/>", "<layanan kode=\"10\"/>")
                .replace("diberikan=\"true\"", "diberikan=\"false\"")
                .replace("<terlapor>", """
                        <klien>
                            <nama>Sinta</nama>
                            <jenis_kelamin>2</jenis_kelamin>
                            <tanggal_lahir>2013-02-01</tanggal_lahir>
                            <kewarganegaraan>WNI</kewarganegaraan>
                            <alamat kotkab="6402"/>
                          </klien>
                          <terlapor>""");

        CanonicalReferral referral = ADAPTER.readReferral(text.getBytes(StandardCharsets.UTF_8), PRABUMULIH);
        Bundle bundle = referral.bundle();
        Task task = Bundles.task(bundle);

        assertThat(referral.revision()).isEqualTo(3);
        assertThat(code(task.getCode().getCodingFirstRep())).isEqualTo(Canonical.CS_REFERRAL_KIND + "#PELIMPAHAN");
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ROUTINE);
        // 10 (psychiatrist) and 08 (psychological accompaniment) are both the hub's psychological support.
        assertThat(Bundles.all(bundle, ServiceRequest.class))
                .extracting(r -> r.getCode().getCodingFirstRep().getCode())
                .containsExactly("PSIKOLOGIS", "REINTEGRASI_SOSIAL");
        List<Patient> victims = Bundles.all(bundle, Patient.class);
        assertThat(victims).hasSize(2);
        assertThat(inputs(task, "VICTIM"))
                .containsExactly(Bundles.fullUrl(bundle, victims.get(0)), Bundles.fullUrl(bundle, victims.get(1)));
        Patient sister = victims.get(1);
        assertThat(sister.getBirthDateElement().getValueAsString()).isEqualTo("2013-02-01");
        assertThat(sister.getExtensionsByUrl(Canonical.EXT_DISABILITY))
                .as("no <disabilitas> at all is none")
                .isEmpty();
        assertThat(sister.getAddressFirstRep().hasLine()).isFalse();
        assertThat(administrativeCode(sister))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "64", "city", "6402"));
        assertThat(Bundles.all(bundle, Condition.class))
                .as("two forms for each of two victims")
                .hasSize(4);
        assertThat(Bundles.all(bundle, Consent.class)).hasSize(2).allSatisfy(consent -> {
            assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.REJECTED);
            assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
        });
        assertThat(consentGivers(bundle)).as("one parent giver per victim").hasSize(2);
    }
}
