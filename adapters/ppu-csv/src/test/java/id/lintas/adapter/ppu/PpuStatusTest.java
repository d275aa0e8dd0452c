package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PpuStatusTest {

    private static final String HEADER = "No Registrasi;ID Rujukan Hub;Status;Tanggal;Jam;Catatan";

    private final PpuCsvAdapter adapter = new PpuCsvAdapter();

    @Test
    void readsTheStatusSampleWhateverItsHubIdSays() throws Exception {
        FileBatch batch = Fixtures.read(Fixtures.STATUS);

        assertThat(batch.items()).singleElement().satisfies(item -> {
            assertThat(item.rows()).containsExactly(1);
            assertThat(item.sourceReference()).isEqualTo("PPU/UPTD/2025/099");
            StatusChange change = (StatusChange) item.message();
            assertThat(change.hubReferralId()).isEqualTo("<the hub's referral id>");
            assertThat(change.sourceReference()).isEqualTo("PPU/UPTD/2025/099");
            assertThat(change.status()).isEqualTo(ReferralStatus.ACCEPTED);
            assertThat(change.at()).isEqualTo(Instant.parse("2025-07-23T00:10:00Z"));
            assertThat(change.note()).isEqualTo("Korban diterima di UPTD PPA PPU, konseling 24/07.");
        });
    }

    @Test
    void readsEveryStatusAndRefusesARejectionWithoutReason() throws Exception {
        byte[] file = Fixtures.file(
                HEADER,
                "A/1;h-1;Ditolak;23/07/2025;08:10;Di luar kewenangan",
                "A/2;h-2;Selesai;23/07/2025;08:11;",
                "A/3;h-3;Dibatalkan;23/07/2025;08:12;",
                "A/4;h-4;Ditolak;23/07/2025;08:13;",
                "A/5;;Diterima;23/07/2025;08:14;",
                "A/6;h-6;Dikirim;32/07/2025;08:15;");
        FileBatch batch = adapter.readFile("STATUS_20250723_0815.csv", file, Fixtures.PPU);

        assertThat(batch.items()).hasSize(6);
        assertThat(batch.items().subList(0, 3))
                .extracting(i -> ((StatusChange) i.message()).status())
                .containsExactly(ReferralStatus.REJECTED, ReferralStatus.COMPLETED, ReferralStatus.CANCELLED);
        assertThat(batch.items().get(3).errors())
                .containsExactly(new FieldError("Catatan", "is empty: Ditolak needs the reason in Catatan"));
        assertThat(batch.items().get(4).errors()).containsExactly(new FieldError("ID Rujukan Hub", "is empty"));
        assertThat(batch.items().get(5).errors()).extracting(FieldError::field).containsExactly("Status", "Tanggal");
    }

    @Test
    void rendersAStatusChangeInTheRecipientsZone() throws Exception {
        StatusChange change = new StatusChange(
                "c0ffee-1",
                "PPU/UPTD/2025/117",
                ReferralStatus.REJECTED,
                "Korban sudah pulang; tidak perlu layanan",
                Instant.parse("2025-07-23T01:05:00Z"));

        OutboundDocument document = adapter.renderStatus(change, Fixtures.PPU);

        assertThat(document.target())
                .isEqualTo("STATUS_MASUK_c0ffee-1_" + change.at().toEpochMilli() + "_rejected.csv");
        assertThat(document.mediaType()).isEqualTo("text/csv");
        assertThat(Fixtures.header(document.content())).containsExactly(HEADER.split(";"));
        assertThat(new String(document.content(), StandardCharsets.UTF_8))
                .contains("\"Korban sudah pulang; tidak perlu layanan\"\r\n");
        assertThat(Fixtures.rows(document.content()))
                .containsExactly(Map.of(
                        "No Registrasi",
                        "PPU/UPTD/2025/117",
                        "ID Rujukan Hub",
                        "c0ffee-1",
                        "Status",
                        "Ditolak",
                        "Tanggal",
                        "23/07/2025",
                        "Jam",
                        "09:05",
                        "Catatan",
                        "Korban sudah pulang; tidak perlu layanan"));

        OutboundDocument wib = adapter.renderStatus(change, Fixtures.JAKARTA);
        assertThat(Fixtures.rows(wib.content()).get(0)).containsEntry("Jam", "08:05");
    }

    @Test
    void refusesToRenderAStatusPpuHasNoWordFor() {
        StatusChange requested = new StatusChange("h-9", null, ReferralStatus.REQUESTED, null, Instant.now());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.renderStatus(requested, Fixtures.PPU))
                .isInstanceOf(TranslationException.class)
                .satisfies(e -> assertThat(((TranslationException) e).errors())
                        .extracting(FieldError::field)
                        .containsExactly("Status"))
                .hasMessageContaining("requested");
    }

    @Test
    void roundTripsARenderedStatusThroughTheReader() throws Exception {
        StatusChange change = new StatusChange(
                "h-7", "PPU/UPTD/2025/117", ReferralStatus.COMPLETED, null, Instant.parse("2025-07-30T02:00:00Z"));
        OutboundDocument document = adapter.renderStatus(change, Fixtures.PPU);

        FileBatch batch = adapter.readFile("STATUS_20250730_1000.csv", document.content(), Fixtures.PPU);

        assertThat(List.of(batch.items().get(0).message())).containsExactly(change);
    }
}
