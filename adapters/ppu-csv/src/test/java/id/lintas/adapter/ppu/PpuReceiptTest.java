package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.RowReceipt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PpuReceiptTest {

    private final PpuCsvAdapter adapter = new PpuCsvAdapter();

    @Test
    void rendersOneLinePerInputRowWithBomCrlfAndSemicolons() {
        List<RowReceipt> rows = List.of(
                new RowReceipt(1, "PPU/UPTD/2025/121", "7f1c", true, "Diterima / accepted"),
                new RowReceipt(
                        2,
                        "PPU/UPTD/2025/122",
                        null,
                        false,
                        "Kolom 'Kab/Kota Tujuan': 'Kutai' matches no regency/city"),
                new RowReceipt(3, null, null, false, "Kolom 'No Registrasi': is empty; Kolom 'Urgensi': is empty"));

        OutboundDocument receipt = adapter.renderReceipt("RUJUKAN_20250724_0900.csv", rows);

        assertThat(receipt.target()).isEqualTo("HASIL_RUJUKAN_20250724_0900.csv");
        assertThat(receipt.mediaType()).isEqualTo("text/csv");
        byte[] content = receipt.content();
        assertThat(content).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(content, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFBaris;No Registrasi;ID Rujukan Hub;Hasil;Pesan\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(text).endsWith("\r\n");
        assertThat(text).contains("3;;;DITOLAK;\"Kolom 'No Registrasi': is empty; Kolom 'Urgensi': is empty\"\r\n");
        assertThat(Fixtures.rows(content))
                .containsExactly(
                        Map.of(
                                "Baris",
                                "1",
                                "No Registrasi",
                                "PPU/UPTD/2025/121",
                                "ID Rujukan Hub",
                                "7f1c",
                                "Hasil",
                                "DITERIMA",
                                "Pesan",
                                "Diterima / accepted"),
                        Map.of(
                                "Baris",
                                "2",
                                "No Registrasi",
                                "PPU/UPTD/2025/122",
                                "ID Rujukan Hub",
                                "",
                                "Hasil",
                                "DITOLAK",
                                "Pesan",
                                "Kolom 'Kab/Kota Tujuan': 'Kutai' matches no regency/city"),
                        Map.of(
                                "Baris",
                                "3",
                                "No Registrasi",
                                "",
                                "ID Rujukan Hub",
                                "",
                                "Hasil",
                                "DITOLAK",
                                "Pesan",
                                "Kolom 'No Registrasi': is empty; Kolom 'Urgensi': is empty"));
    }

    @Test
    void rendersTheRejectionOfAWholeFile() {
        OutboundDocument receipt = adapter.renderRejection(
                "invalid-RUJUKAN_20250725_1000.csv",
                "header does not match RUJUKAN layout: expected column 2 'No Registrasi', found another name");

        assertThat(receipt.target()).isEqualTo("HASIL_invalid-RUJUKAN_20250725_1000.csv");
        assertThat(Fixtures.header(receipt.content()))
                .containsExactly("Baris", "No Registrasi", "ID Rujukan Hub", "Hasil", "Pesan");
        assertThat(Fixtures.rows(receipt.content())).singleElement().satisfies(row -> {
            assertThat(row.get("Hasil")).isEqualTo("DITOLAK");
            assertThat(row.get("Baris")).isEmpty();
            assertThat(row.get("Pesan"))
                    .contains("whole file refused", "expected column 2 'No Registrasi', found another name");
        });
        assertThat(new String(receipt.content(), StandardCharsets.UTF_8)).endsWith("\r\n");
    }
}
