package id.lintas.adapter.kukar;

import static id.lintas.adapter.kukar.KukarSamples.ADAPTER;
import static id.lintas.adapter.kukar.KukarSamples.KUKAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KukarStatusTest {

    @Test
    void readsAcceptedStatusSampleWithWitaTime() throws Exception {
        StatusChange change = ADAPTER.readStatus(KukarSamples.bytes(KukarSamples.STATUS_ACCEPTED), KUKAR);

        assertThat(change.hubReferralId()).isEqualTo("<the hub's referral id>");
        assertThat(change.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(change.note()).isEqualTo("Korban dijadwalkan konseling 23-07-2025 di UPTD PPA.");
        assertThat(change.at()).isEqualTo(Instant.parse("2025-07-22T02:02:00Z"));
        assertThat(change.sourceReference()).isNull();
    }

    @Test
    void readsEveryKukarStatus() throws Exception {
        assertThat(status("diterima")).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(status("ditolak")).isEqualTo(ReferralStatus.REJECTED);
        assertThat(status("selesai")).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(status("dibatalkan")).isEqualTo(ReferralStatus.CANCELLED);
    }

    @Test
    void refusesRejectionWithoutReason() {
        TranslationException e =
                refused("{\"id_rujukan_hub\":\"R-1\",\"status\":\"ditolak\",\"waktu\":\"22-07-2025 10:02\"}");

        assertThat(e.errors())
                .containsExactly(new FieldError("catatan", "required when status is ditolak (the reason)"));
    }

    @Test
    void refusesStatusWithUnknownCodeAndBadTime() {
        TranslationException e = refused("{\"status\":\"diproses\",\"waktu\":\"2025-07-22T10:02\"}");

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("id_rujukan_hub", "required"),
                        new FieldError("status", "unknown code 'diproses'"),
                        new FieldError("waktu", "expected dd-MM-yyyy HH:mm"));
    }

    @Test
    void rendersStatusForKukarInItsLocalTime() throws Exception {
        StatusChange change = new StatusChange(
                "7f3c2a10-hub",
                null,
                ReferralStatus.REJECTED,
                "Di luar wilayah layanan",
                Instant.parse("2025-07-22T02:02:00Z"));

        OutboundDocument document = ADAPTER.renderStatus(change, KUKAR);

        assertThat(document.target()).isEqualTo("/api/rujukan/7f3c2a10-hub/status");
        assertThat(document.mediaType()).isEqualTo("application/json");
        JsonNode body = KukarSamples.tree(document.content());
        assertThat(body.get("id_rujukan_hub").asText()).isEqualTo("7f3c2a10-hub");
        assertThat(body.get("status").asText()).isEqualTo("ditolak");
        assertThat(body.get("catatan").asText()).isEqualTo("Di luar wilayah layanan");
        assertThat(body.get("waktu").asText()).isEqualTo("22-07-2025 10:02");
    }

    @Test
    void rendersStatusWithoutNoteAndWithAnEncodedId() throws Exception {
        StatusChange change =
                new StatusChange("a/b c", null, ReferralStatus.COMPLETED, null, Instant.parse("2025-08-01T00:00:00Z"));

        OutboundDocument document = ADAPTER.renderStatus(change, KUKAR);

        assertThat(document.target()).isEqualTo("/api/rujukan/a%2Fb%20c/status");
        assertThat(KukarSamples.tree(document.content()).has("catatan")).isFalse();
    }

    @Test
    void refusesToRenderAStatusKukarHasNoWordFor() {
        StatusChange change = new StatusChange("R-1", null, ReferralStatus.REQUESTED, null, Instant.now());

        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.renderStatus(change, KUKAR), TranslationException.class);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("status");
            assertThat(error.reason()).contains("requested");
        });
    }

    private static ReferralStatus status(String code) throws Exception {
        String body = "{\"id_rujukan_hub\":\"R-1\",\"status\":\"" + code
                + "\",\"catatan\":\"x\",\"waktu\":\"22-07-2025 10:02\"}";
        return ADAPTER.readStatus(body.getBytes(StandardCharsets.UTF_8), KUKAR).status();
    }

    private static TranslationException refused(String body) {
        TranslationException e = catchThrowableOfType(
                () -> ADAPTER.readStatus(body.getBytes(StandardCharsets.UTF_8), KUKAR), TranslationException.class);
        assertThat(e).isNotNull();
        return e;
    }
}
