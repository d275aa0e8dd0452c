package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.spi.CanonicalReferral;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The typed model has one incident per case: when the rows of one case name different forms of
 * violence, every victim's Conditions carry the forms of every row, none is lost, and the SDV label
 * stays the row's own.
 */
class PpuOneIncidentPerCaseTest {

    @Test
    void everyVictimOfACaseGetsTheFormsOfEveryRow() throws Exception {
        String sample = new String(Fixtures.sample(Fixtures.RUJUKAN), StandardCharsets.UTF_8);
        List<String> lines = List.of(sample.split("\r\n"));
        // Row 3 is the second victim of case PPU/UPTD/2025/118; it now names sexual violence instead.
        String second = lines.get(3).replace(";Fisik, Psikis;Rumah Tangga;", ";Seksual;Lainnya;");
        assertThat(second).isNotEqualTo(lines.get(3));
        byte[] file = Fixtures.file(lines.get(0).replace(CsvText.BOM, ""), lines.get(2), second);

        List<CanonicalReferral> referrals = Fixtures.referrals(new PpuCsvAdapter().readFile(Fixtures.RUJUKAN, file, Fixtures.PPU));

        assertThat(referrals).hasSize(1);
        Bundle bundle = referrals.get(0).bundle();
        List<Patient> victims = Bundles.all(bundle, Patient.class);
        assertThat(victims).hasSize(2);
        for (Patient victim : victims) {
            String ref = Bundles.fullUrl(bundle, victim);
            assertThat(Bundles.all(bundle, Condition.class).stream().filter(c -> ref.equals(c.getSubject().getReference())))
                    .extracting(c -> c.getCode().getCodingFirstRep().getCode())
                    .containsExactly("FISIK", "PSIKIS", "SEKSUAL");
        }
        // Both rows are sensitive on their own: the first by the household, the second by sexual violence.
        assertThat(victims).allSatisfy(v -> assertThat(v.getMeta().getSecurity())
                .anySatisfy(s -> assertThat(s.getCode()).isEqualTo(Canonical.SENSITIVITY_SDV)));
    }
}
