package id.lintas.hub.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Referral;
import id.lintas.hub.routing.CanonicalCase;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class DataMinimiserTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final Bundle referral = CanonicalCase.from("64.02")
            .victim("female", LocalDate.of(1990, 1, 1), "64.09")
            .violence("FISIK", "64.02")
            .services("PSIKOLOGIS", "BANTUAN_HUKUM")
            .bundle();

    @Test
    void leavesOutWhatTheGrantDoesNotAllow() {
        Bundle reduced = DataMinimiser.reduce(
                referral,
                EnumSet.of(DataCategory.IDENTITY, DataCategory.VIOLENCE, DataCategory.SERVICES),
                List.of("PSIKOLOGIS"));
        String json = FHIR.newJsonParser().encodeResourceToString(reduced);

        assertThat(json)
                .doesNotContain("Kronologi sintetis")
                .doesNotContain("Pelaku Fiktif")
                .doesNotContain("+6281200000001")
                .doesNotContain("Jl. Contoh Sintetis");
        assertThat(json).contains("Wulan Fiktif").contains("6409014107980001");
        assertThat(Bundles.all(reduced, RelatedPerson.class)).isEmpty();
        assertThat(Bundles.all(reduced, ServiceRequest.class)).hasSize(1);
        assertThat(Bundles.task(reduced).getBasedOn()).hasSize(1);
        // The home region still tells where the victim lives: it is what the referral is about.
        assertThat(Bundles.all(reduced, Patient.class)
                        .get(0)
                        .getAddressFirstRep()
                        .getExtension())
                .isNotEmpty();
    }

    @Test
    void keepsEverythingGrantedAndLeavesTheOriginalAsItWas() {
        Bundle reduced = DataMinimiser.reduce(
                referral, EnumSet.allOf(DataCategory.class), List.of("PSIKOLOGIS", "BANTUAN_HUKUM"));

        assertThat(FHIR.newJsonParser().encodeResourceToString(reduced))
                .contains("Kronologi sintetis", "Pelaku Fiktif");
        Bundle none = DataMinimiser.reduce(referral, EnumSet.of(DataCategory.SERVICES), List.of("PSIKOLOGIS"));
        assertThat(FHIR.newJsonParser().encodeResourceToString(none))
                .doesNotContain("Wulan Fiktif", "6409014107980001");
        assertThat(FHIR.newJsonParser().encodeResourceToString(referral))
                .contains("Kronologi sintetis", "Wulan Fiktif");
    }

    @Test
    void theSendersFreeTextReasonGoesWithTheChronology() {
        Referral withReason = CanonicalReader.standard().read(referral).toBuilder()
                .reason("Alasan sintetis rujukan")
                .build();

        Referral withheld = DataMinimiser.reduce(withReason, EnumSet.of(DataCategory.SERVICES), List.of("PSIKOLOGIS"));
        Referral granted = DataMinimiser.reduce(withReason, EnumSet.of(DataCategory.CHRONOLOGY), List.of());

        assertThat(withheld.reason()).isNull();
        assertThat(withheld.chronology()).isNull();
        assertThat(granted.reason()).isEqualTo("Alasan sintetis rujukan");
    }
}
