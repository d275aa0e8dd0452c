package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.spi.CanonicalReferral;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Each row of a case says what happened to its victim: when the rows of one case name different forms
 * of violence, each victim's Conditions carry its own row's forms and place, through the typed model
 * and back into PPU's rows.
 */
class PpuIncidentPerVictimTest {

    @Test
    void eachVictimOfACaseKeepsItsOwnRowsIncident() throws Exception {
        String sample = new String(Fixtures.sample(Fixtures.RUJUKAN), StandardCharsets.UTF_8);
        List<String> lines = List.of(sample.split("\r\n"));
        // Row 3 is the second victim of case PPU/UPTD/2025/118; here it names sexual violence elsewhere.
        String second = lines.get(3).replace(";Fisik, Psikis;Rumah Tangga;", ";Seksual;Lainnya;");
        assertThat(second).isNotEqualTo(lines.get(3));
        byte[] file = Fixtures.file(lines.get(0).replace(CsvText.BOM, ""), lines.get(2), second);

        List<CanonicalReferral> referrals =
                Fixtures.referrals(new PpuCsvAdapter().readFile(Fixtures.RUJUKAN, file, Fixtures.PPU));

        assertThat(referrals).hasSize(1);
        Bundle bundle = referrals.get(0).bundle();
        List<Patient> victims = Bundles.all(bundle, Patient.class);
        assertThat(victims).hasSize(2);
        assertThat(forms(bundle, victims.get(0))).containsExactly("FISIK", "PSIKIS");
        assertThat(forms(bundle, victims.get(1))).containsExactly("SEKSUAL");

        byte[] rendered = new PpuCsvAdapter()
                .renderReferral(
                        id.lintas.contracts.canonical.CanonicalReader.standard()
                                .outbound("hub-118", Fixtures.PPU, bundle),
                        Fixtures.KUKAR)
                .content();
        List<java.util.Map<String, String>> rows = Fixtures.rows(rendered);
        assertThat(rows).extracting(r -> r.get("Bentuk Kekerasan")).containsExactly("Fisik, Psikis", "Seksual");
        assertThat(rows).extracting(r -> r.get("Tempat Kejadian")).containsExactly("Rumah Tangga", "Lainnya");
    }

    private static List<String> forms(Bundle bundle, Patient victim) {
        String ref = Bundles.fullUrl(bundle, victim);
        return Bundles.all(bundle, Condition.class).stream()
                .filter(c -> ref.equals(c.getSubject().getReference()))
                .map(c -> c.getCode().getCodingFirstRep().getCode())
                .toList();
    }
}
