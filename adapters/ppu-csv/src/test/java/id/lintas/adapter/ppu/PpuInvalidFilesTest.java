package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpuInvalidFilesTest {

    private final PpuCsvAdapter adapter = new PpuCsvAdapter();

    /** A good row of the sample, with its cells replaceable by column. */
    private static final String GOOD_ROW = "1;PPU/UPTD/2025/200;Rujukan;24/07/2025;08:30;Rendah;Wulan"
            + " Sari;6409014101000003;Perempuan;01/01/2000;;SLTA;Tidak;Jl. Propinsi KM 2;Penajam Paser"
            + " Utara;Psikis;Lainnya;Penajam Paser Utara;20/07/2025;;;;Lainnya;Konseling Psikologis;Kutai"
            + " Kartanegara;Ya;Korban;Korban mengalami ancaman.;Hj. Mariam";

    @Test
    void refusesTheBadRowsAloneAndKeepsTheGoodOnes() throws Exception {
        FileBatch batch = Fixtures.read(Fixtures.INVALID_ROWS);

        assertThat(batch.items()).hasSize(4);
        assertThat(batch.items())
                .filteredOn(i -> i.message() != null)
                .extracting(i -> i.rows().get(0))
                .containsExactly(1, 4);
        assertThat(Fixtures.referrals(batch))
                .extracting(CanonicalReferral::sourceReference)
                .containsExactly("PPU/UPTD/2025/121", "PPU/UPTD/2025/124");

        FileBatch.Item row2 = batch.items().get(1);
        assertThat(row2.rows()).containsExactly(2);
        assertThat(row2.sourceReference()).isEqualTo("PPU/UPTD/2025/122");
        assertThat(row2.errors()).containsExactly(new FieldError("Kab/Kota Tujuan", "'Kutai' matches no regency/city"));

        FileBatch.Item row3 = batch.items().get(2);
        assertThat(row3.rows()).containsExactly(3);
        assertThat(row3.errors())
                .containsExactly(new FieldError("Tgl Lahir Korban", "'31/02/2025' is not a valid date dd/MM/yyyy"));
    }

    @Test
    void refusesAFileWithAnUnrelatedHeaderWhole() {
        assertThatThrownBy(() -> Fixtures.read(Fixtures.INVALID_HEADER))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage(
                        "header does not match RUJUKAN layout: expected column 2 'No Registrasi', found another name");
    }

    @Test
    void refusesAFileWithTooFewColumnsInTheHeader() {
        byte[] file = Fixtures.file("No;No Registrasi");
        assertThatThrownBy(() -> adapter.readFile("RUJUKAN_20250724_0900.csv", file, Fixtures.PPU))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("expected column 3 'Jenis Rujukan', found no more columns");
    }

    @Test
    void refusesAStatusFileWithTheRujukanLayout() {
        assertThatThrownBy(() ->
                        adapter.readFile("STATUS_20250722_1600.csv", Fixtures.sample(Fixtures.RUJUKAN), Fixtures.PPU))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith(
                        "header does not match STATUS layout: expected column 1 'No Registrasi', found another name");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = (Fixtures.rujukanHeader() + "\r\n1;X;Rujukan;Désa").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> adapter.readFile("RUJUKAN_20250724_0900.csv", latin1, Fixtures.PPU))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void refusesFilesWhoseNameIsNotOfTheFormat() {
        byte[] content = Fixtures.sample(Fixtures.RUJUKAN);
        for (String name : List.of(
                "rujukan.csv",
                "RUJUKAN_20250722.csv",
                "RUJUKAN_20251322_1600.csv",
                "HASIL_RUJUKAN_20250722_1600.csv",
                "RUJUKAN_MASUK_abc.csv",
                "RUJUKAN_20250722_1600.csv.tmp")) {
            assertThatThrownBy(() -> adapter.readFile(name, content, Fixtures.PPU))
                    .as(name)
                    .isInstanceOf(FileRejectedException.class)
                    .hasMessageContaining("RUJUKAN_yyyyMMdd_HHmm.csv");
        }
    }

    @Test
    void refusesAFileWithAnUnterminatedQuoteWithoutQuotingItsContent() {
        byte[] file =
                Fixtures.file(Fixtures.rujukanHeader(), GOOD_ROW.replace(";Korban mengalami", ";\"Korban mengalami"));
        assertThatThrownBy(() -> adapter.readFile("RUJUKAN_20250724_0900.csv", file, Fixtures.PPU))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("file is not a readable CSV")
                .hasMessageNotContaining("Wulan")
                .hasMessageNotContaining("ancaman");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> adapter.readFile("RUJUKAN_20250724_0900.csv", new byte[0], Fixtures.PPU))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void readsAFileWithoutBomWithBareLineFeedsAndTrailingBlankLines() throws Exception {
        String text = Fixtures.rujukanHeader() + "\n" + GOOD_ROW + "\n\n;;;;\n";
        FileBatch batch =
                adapter.readFile("RUJUKAN_20250724_0900.csv", text.getBytes(StandardCharsets.UTF_8), Fixtures.PPU);
        assertThat(batch.items())
                .singleElement()
                .satisfies(i -> assertThat(i.errors()).isEmpty());
    }

    @Test
    void refusesTheWholeCaseWhenOneOfItsRowsIsBadAndSaysWhichRow() throws Exception {
        String second = GOOD_ROW.replaceFirst("^1;", "2;")
                .replace("Wulan Sari;6409014101000003", "Dewi Sari;6409014101000004")
                .replace("01/01/2000", "30/02/2001");
        String otherCase = GOOD_ROW.replaceFirst("^1;", "3;").replace("2025/200", "2025/201");
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv",
                Fixtures.file(Fixtures.rujukanHeader(), GOOD_ROW, second, otherCase),
                Fixtures.PPU);

        assertThat(batch.items()).hasSize(2);
        FileBatch.Item refused = batch.items().get(0);
        assertThat(refused.message()).isNull();
        assertThat(refused.rows()).containsExactly(1, 2);
        assertThat(refused.sourceReference()).isEqualTo("PPU/UPTD/2025/200");
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("Tgl Lahir Korban", "No Registrasi");
        assertThat(refused.errors().get(0).reason()).isEqualTo("row 2: '30/02/2001' is not a valid date dd/MM/yyyy");
        assertThat(refused.errors().get(1).reason()).contains("rows 1, 2", "row(s) 2", "victim missing");
        assertThat(batch.items().get(1).message()).isInstanceOf(CanonicalReferral.class);
        assertThat(batch.items().get(1).rows()).containsExactly(3);
    }

    @Test
    void refusesACaseWhoseRowsDisagreeOnACaseLevelColumn() throws Exception {
        String second = GOOD_ROW.replaceFirst("^1;", "2;")
                .replace("Wulan Sari;6409014101000003", "Dewi Sari;")
                .replace(";Rendah;", ";Tinggi;");
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv", Fixtures.file(Fixtures.rujukanHeader(), GOOD_ROW, second), Fixtures.PPU);

        assertThat(batch.items()).singleElement().satisfies(item -> {
            assertThat(item.message()).isNull();
            assertThat(item.errors()).extracting(FieldError::field).contains("Urgensi");
            assertThat(item.errors().get(0).reason()).contains("row 2 differs from row 1");
        });
    }

    @Test
    void takesEveryServiceAnyVictimOfTheCaseNeeds() throws Exception {
        String second = GOOD_ROW.replaceFirst("^1;", "2;")
                .replace("Wulan Sari;6409014101000003", "Dewi Sari;")
                .replace(";Konseling Psikologis;", ";\"Konseling Psikologis, Rumah Aman\";");
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv", Fixtures.file(Fixtures.rujukanHeader(), GOOD_ROW, second), Fixtures.PPU);

        CanonicalReferral referral = Fixtures.referrals(batch).get(0);
        assertThat(id.lintas.contracts.canonical.Bundles.all(
                        referral.bundle(), org.hl7.fhir.r4.model.ServiceRequest.class))
                .extracting(s -> s.getCode().getCodingFirstRep().getCode())
                .containsExactly("PSIKOLOGIS", "RUMAH_AMAN");
    }

    @Test
    void namesTheColumnOfEveryProblemInARow() throws Exception {
        String bad = GOOD_ROW.replace(";Rujukan;", ";Kiriman;")
                .replace(";08:30;", ";8.30;")
                .replace("6409014101000003", "6.40901E+15")
                .replace(";Psikis;", ";Psikis, Kdrt;")
                .replace(";;;;Lainnya;", ";;;abc;Lainnya;")
                .replace(";Ya;Korban;", ";Mungkin;;")
                .replace(";Penajam Paser Utara;Psikis", ";Atlantis;Psikis");
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv", Fixtures.file(Fixtures.rujukanHeader(), bad), Fixtures.PPU);

        assertThat(Fixtures.errors(batch))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "Jenis Rujukan",
                        "Jam Lapor",
                        "NIK Korban",
                        "Kab/Kota Domisili",
                        "Bentuk Kekerasan",
                        "Umur Pelaku",
                        "Persetujuan",
                        "Pemberi Persetujuan");
        assertThat(Fixtures.errors(batch))
                .contains(
                        new FieldError("Jenis Rujukan", "unknown code 'Kiriman'"),
                        new FieldError("Jam Lapor", "'8.30' is not a valid time HH:mm"),
                        new FieldError("Bentuk Kekerasan", "unknown code 'Kdrt'"),
                        new FieldError("Pemberi Persetujuan", "is empty"));
    }

    @Test
    void refusesARowWhoseCellsDoNotLineUpWithTheHeader() throws Exception {
        String shortRow = "1;PPU/UPTD/2025/300;Rujukan;24/07/2025";
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv", Fixtures.file(Fixtures.rujukanHeader(), shortRow), Fixtures.PPU);
        assertThat(Fixtures.errors(batch)).first().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Jam Lapor");
            assertThat(e.reason()).contains("4 of the 29 columns");
        });
    }

    @Test
    void neverQuotesAVictimsNameNikAddressOrChronologyInAnError() throws Exception {
        String bad = GOOD_ROW.replace("6409014101000003", "64090141010000") // 14 digits
                .replace(";Kutai Kartanegara;Ya;", ";Kutai;Ya;");
        String second = GOOD_ROW.replaceFirst("^1;", "2;")
                .replace(";Rendah;", ";Tinggi;")
                .replace("Korban mengalami ancaman.", "Wulan Sari diancam oleh mantan suami.");
        FileBatch batch = adapter.readFile(
                "RUJUKAN_20250724_0900.csv", Fixtures.file(Fixtures.rujukanHeader(), bad, second), Fixtures.PPU);
        FileBatch invalidSample = Fixtures.read(Fixtures.INVALID_ROWS);

        List<String> reasons = java.util.stream.Stream.concat(
                        Fixtures.errors(batch).stream(), Fixtures.errors(invalidSample).stream())
                .map(FieldError::toString)
                .toList();
        assertThat(reasons)
                .isNotEmpty()
                .noneSatisfy(r -> assertThat(r)
                        .containsAnyOf(
                                "Wulan", "Sari", "Lina", "Marlina", "6409014", "Jl. Propinsi", "ancam", "dipukul"));
    }
}
