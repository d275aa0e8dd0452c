package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.KUKAR;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class PrabumulihStatusTest {

    private static final String STATUS =
            "<status_rujukan xmlns=\"urn:prabumulih:satulayanan:kasus:2\" id_rujukan_hub=\"R-1\" status=\"%s\" waktu=\"%s\">%s</status_rujukan>";

    @Test
    void readsCompletedStatusSampleWithWibTime() throws Exception {
        StatusChange change =
                ADAPTER.readStatus(PrabumulihSamples.bytes(PrabumulihSamples.STATUS_COMPLETED), PRABUMULIH);

        assertThat(change.hubReferralId()).isEqualTo("(the hub's referral id)");
        assertThat(change.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(change.note()).isEqualTo("Pendampingan hukum selesai; berkas perkara dilimpahkan ke kejaksaan.");
        // 2025-08-30T11:00:00 WIB.
        assertThat(change.at()).isEqualTo(Instant.parse("2025-08-30T04:00:00Z"));
        assertThat(change.sourceReference()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DITERIMA, ACCEPTED", "DITOLAK, REJECTED", "SELESAI, COMPLETED", "DIBATALKAN, CANCELLED"})
    void readsEveryPrabumulihStatus(String code, ReferralStatus expected) throws Exception {
        assertThat(read(String.format(STATUS, code, "2025-07-22T10:02:00", "<catatan>x</catatan>"))
                        .status())
                .isEqualTo(expected);
    }

    @Test
    void readsStatusWithoutNote() throws Exception {
        assertThat(read(String.format(STATUS, "DITERIMA", "2025-07-22T10:02:00", ""))
                        .note())
                .isNull();
    }

    @Test
    void refusesRejectionWithoutReason() {
        TranslationException e = refused(String.format(STATUS, "DITOLAK", "2025-07-22T10:02:00", ""));

        assertThat(e.errors())
                .containsExactly(
                        new FieldError("/status_rujukan/catatan", "required when status is DITOLAK (the reason)"));
    }

    @Test
    void refusesUnknownStatusNamingTheAttributeAndTheCode() {
        TranslationException e = refused(String.format(STATUS, "DIPROSES", "2025-07-22T10:02:00", ""));

        assertThat(e.errors()).containsExactly(new FieldError("/status_rujukan/@status", "unknown code 'DIPROSES'"));
    }

    @Test
    void refusesStatusAgainstTheSchema() {
        TranslationException e = refused(
                "<status_rujukan xmlns=\"urn:prabumulih:satulayanan:kasus:2\" status=\"SELESAI\" waktu=\"2025-07-22 10:02\"/>");

        assertThat(e.errors())
                .containsExactlyInAnyOrder(
                        new FieldError("/status_rujukan/@id_rujukan_hub", "required"),
                        new FieldError(
                                "/status_rujukan/@waktu", "expected yyyy-MM-dd'T'HH:mm:ss (WIB, without offset)"));
    }

    @Test
    void refusesAKasusSentAsStatus() {
        TranslationException e = refused(PrabumulihSamples.text(PrabumulihSamples.CHILD));

        assertThat(e.errors())
                .containsExactly(
                        new FieldError(
                                "/",
                                "expected a <status_rujukan> document in namespace urn:prabumulih:satulayanan:kasus:2, not <kasus>"));
    }

    @Test
    void rendersStatusForPrabumulihInWibToItsStatusEndpoint() throws Exception {
        StatusChange change = new StatusChange(
                "7f3c2a10-hub",
                "KKR/2025/0412",
                ReferralStatus.REJECTED,
                "Di luar wilayah layanan",
                Instant.parse("2025-07-22T02:02:00Z"));

        OutboundDocument document = ADAPTER.renderStatus(change, PRABUMULIH);

        assertThat(document.target()).isEqualTo("/satulayanan/api/v2/status");
        assertThat(document.mediaType()).isEqualTo("application/xml");
        assertThat(PrabumulihSamples.schemaProblems(document.content())).isEmpty();
        Document body = PrabumulihSamples.dom(document.content());
        assertThat(body.getDocumentElement().getNamespaceURI()).isEqualTo("urn:prabumulih:satulayanan:kasus:2");
        assertThat(PrabumulihSamples.xpath(body, "/p:status_rujukan/@id_rujukan_hub"))
                .isEqualTo("7f3c2a10-hub");
        assertThat(PrabumulihSamples.xpath(body, "/p:status_rujukan/@status")).isEqualTo("DITOLAK");
        assertThat(PrabumulihSamples.xpath(body, "/p:status_rujukan/@waktu")).isEqualTo("2025-07-22T09:02:00");
        assertThat(PrabumulihSamples.xpath(body, "/p:status_rujukan/p:catatan")).isEqualTo("Di luar wilayah layanan");
    }

    @Test
    void rendersTheTimeInTheRecipientsZoneAndLeavesOutAnAbsentNote() throws Exception {
        StatusChange change =
                new StatusChange("R-9", null, ReferralStatus.COMPLETED, null, Instant.parse("2025-08-01T00:00:00Z"));

        Document body =
                PrabumulihSamples.dom(ADAPTER.renderStatus(change, KUKAR).content());

        assertThat(PrabumulihSamples.xpath(body, "/p:status_rujukan/@waktu"))
                .as("WITA")
                .isEqualTo("2025-08-01T08:00:00");
        assertThat(PrabumulihSamples.count(body, "/p:status_rujukan/p:catatan")).isZero();
    }

    @Test
    void renderedStatusReadsBackAsTheSameChange() throws Exception {
        StatusChange change = new StatusChange(
                "R-2", null, ReferralStatus.ACCEPTED, "Dijadwalkan", Instant.parse("2025-08-01T03:15:00Z"));

        StatusChange back =
                ADAPTER.readStatus(ADAPTER.renderStatus(change, PRABUMULIH).content(), PRABUMULIH);

        assertThat(back).isEqualTo(change);
    }

    @Test
    void refusesToRenderAStatusPrabumulihHasNoWordFor() {
        StatusChange change = new StatusChange("R-1", null, ReferralStatus.REQUESTED, null, Instant.now());

        TranslationException e =
                catchThrowableOfType(() -> ADAPTER.renderStatus(change, PRABUMULIH), TranslationException.class);

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/status_rujukan/@status");
            assertThat(error.reason()).contains("requested");
        });
    }

    private static StatusChange read(String body) throws TranslationException {
        return ADAPTER.readStatus(body.getBytes(StandardCharsets.UTF_8), PRABUMULIH);
    }

    private static TranslationException refused(String body) {
        TranslationException e = catchThrowableOfType(() -> read(body), TranslationException.class);
        assertThat(e).as("the status must be refused").isNotNull();
        return e;
    }
}
