package id.lintas.contracts.canonical;

import static org.assertj.core.api.Assertions.assertThat;

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
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.validation.CanonicalValidator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The typed referral written as the canonical Bundle and read back is the same referral, for what
 * the regions' samples do not show (a refusal, a legal obligation, a year-only birth date, a
 * foreign victim, a routed referral), and the Bundle is valid against the canonical profiles.
 */
class CanonicalModelRoundTripTest {

    private static final RegionTable REGIONS = RegionTable.standard();

    private final Referral referral = Referral.builder()
            .sourceCaseNumber("SINTETIS/2025/0001")
            .revision(3)
            .kind(ReferralKind.PELIMPAHAN)
            .urgency(Urgency.RENDAH)
            .authoredOn(OffsetDateTime.parse("2025-07-01T08:30:00+07:00"))
            .intakeChannel("DATANG")
            .reportingRegion(REGIONS.byKemendagri("16.74").orElseThrow())
            .requestedDestination(REGIONS.byKemendagri("64.02").orElseThrow())
            .identifier(new ExternalIdentifier("urn:ietf:rfc:3986", "urn:uuid:9b2f0c1e-2d4a-4c59-9a51-1f0e4b7c3d21"))
            .reason("Alasan sintetis")
            .chronology("Kronologi sintetis")
            .victim(new Victim(
                    "1674010101900001",
                    "Korban Fiktif",
                    Gender.FEMALE,
                    PartialDateTime.of(Year.of(1990)),
                    null,
                    "+6281200000009",
                    "Jl. Sintetis 1",
                    REGIONS.byKemendagri("16.74").orElseThrow(),
                    "167402",
                    Citizenship.WNA,
                    "SLTA",
                    List.of("FISIK", "SENSORIK"),
                    "Pedagang",
                    true,
                    new Consent(false, Consent.LEGAL_OBLIGATION, "WALI", PartialDateTime.of(LocalDate.of(2025, 7, 1)))))
            .victim(new Victim(
                    null,
                    "Adik Fiktif",
                    Gender.MALE,
                    null,
                    9,
                    null,
                    null,
                    REGIONS.byKemendagri("16").orElseThrow(),
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    true,
                    new Consent(
                            true,
                            Consent.CONSENT,
                            null,
                            PartialDateTime.of(OffsetDateTime.parse("2025-07-01T08:00:00+07:00")))))
            .perpetrator(new Perpetrator("Pelaku Fiktif", Gender.MALE, 40, "ORANG_TUA"))
            .perpetrator(new Perpetrator(null, null, null, "TIDAK_DIKETAHUI"))
            .incident(new Incident(
                    List.of("SEKSUAL", "PSIKIS"),
                    PartialDateTime.of(YearMonth.of(2025, 6)),
                    REGIONS.byKemendagri("16.74").orElseThrow(),
                    "RUMAH_TANGGA"))
            .services(List.of("PSIKOLOGIS", "BANTUAN_HUKUM"))
            .sender(new Party(
                    "prabumulih",
                    "Organisasi Fiktif",
                    REGIONS.byKemendagri("16.74").orElseThrow()))
            .destination(new Party(
                    "kukar", "Tujuan Fiktif", REGIONS.byKemendagri("64.02").orElseThrow()))
            .officer(new Officer("199001012015031001", "Petugas Fiktif", "+62711000000"))
            .build();

    @Test
    void aReportTimeInAZonesLocalMeanTimeIsWrittenReadablyAsTheSameInstant() {
        // A mistyped year 1800 in Asia/Jakarta has the offset +07:07:12, which FHIR's dateTime cannot
        // hold; whatever an adapter passes, the Bundle must stay readable so Plausibility can refuse it.
        OffsetDateTime ancient = java.time.LocalDateTime.of(1800, 7, 21, 9, 15)
                .atZone(java.time.ZoneId.of("Asia/Jakarta"))
                .toOffsetDateTime();
        assertThat(ancient.getOffset().getTotalSeconds() % 60).isNotZero();

        Bundle bundle = CanonicalWriter.standard()
                .write(referral.toBuilder().authoredOn(ancient).build());

        assertThat(CanonicalReader.standard().read(bundle).authoredOn().toInstant())
                .isEqualTo(ancient.toInstant());
    }

    @Test
    void aReferralWrittenAndReadBackIsTheSameReferral() {
        Bundle bundle = CanonicalWriter.standard().write(referral);

        assertThat(CanonicalReader.standard().read(bundle)).isEqualTo(referral);
    }

    @Test
    void theWrittenBundleIsValidAgainstTheCanonicalProfiles() {
        Bundle bundle = CanonicalWriter.standard().write(referral);

        assertThat(new CanonicalValidator().validate(bundle).errors()).isEmpty();
        Task task = Bundles.task(bundle);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ROUTINE);
        assertThat(Bundles.resolve(bundle, task.getOwner(), Organization.class))
                .map(CanonicalReader::participantId)
                .contains("kukar");
        assertThat(Bundles.all(bundle, Patient.class))
                .allSatisfy(p -> assertThat(p.getMeta().getSecurity()).isNotEmpty());
    }

    @Test
    void theDestinationIsNamedInABundleAsItIs() {
        Referral unrouted = referral.withDestination(null);
        Bundle bundle = CanonicalWriter.standard().write(unrouted);
        int entries = bundle.getEntry().size();

        CanonicalWriter.standard().assignDestination(bundle, new Party("prabumulih", null, null));
        assertThat(bundle.getEntry()).hasSize(entries);
        CanonicalWriter.standard().assignDestination(bundle, referral.destination());

        assertThat(bundle.getEntry()).hasSize(entries + 1);
        assertThat(CanonicalReader.standard().read(bundle).destination()).isEqualTo(referral.destination());
    }

    @Test
    void aVictimWithAnIncidentOfItsOwnKeepsIt() {
        Incident neglect = new Incident(
                List.of("PENELANTARAN"),
                PartialDateTime.of(LocalDate.of(2025, 5, 2)),
                REGIONS.byKemendagri("64.09").orElseThrow(),
                "SEKOLAH");
        Referral perVictim = referral.toBuilder()
                .victims(List.of(
                        referral.victims().get(0), referral.victims().get(1).withIncident(neglect)))
                .build();

        Referral read =
                CanonicalReader.standard().read(CanonicalWriter.standard().write(perVictim));

        assertThat(read).isEqualTo(perVictim);
        assertThat(read.victims().get(1).incidentIn(read)).isEqualTo(neglect);
        assertThat(read.violenceForms()).containsExactly("SEKSUAL", "PSIKIS", "PENELANTARAN");
        assertThat(read.incidentRegions()).extracting(r -> r.kemendagri()).containsExactly("16.74", "64.09");
    }

    @Test
    void theSdvRuleIsSexualOrDomesticViolence() {
        assertThat(new Incident(List.of("FISIK"), null, null, "RUMAH_TANGGA").isSexualOrDomestic())
                .isTrue();
        assertThat(new Incident(List.of("SEKSUAL"), null, null, null).isSexualOrDomestic())
                .isTrue();
        assertThat(new Incident(List.of("TPPO"), null, null, "TEMPAT_KERJA").isSexualOrDomestic())
                .isFalse();
        Referral unlabelled = referral.toBuilder()
                .victims(referral.victims().stream()
                        .map(v -> v.withSensitive(false))
                        .toList())
                .build();
        assertThat(unlabelled.withSensitivityLabels().victims()).allMatch(Victim::sensitive);
        Referral ownIncident = unlabelled.toBuilder()
                .victims(List.of(
                        unlabelled.victims().get(0),
                        unlabelled
                                .victims()
                                .get(1)
                                .withIncident(new Incident(List.of("FISIK"), null, null, "SEKOLAH"))))
                .build();
        assertThat(ownIncident.withSensitivityLabels().victims())
                .extracting(Victim::sensitive)
                .containsExactly(true, false);
    }
}
