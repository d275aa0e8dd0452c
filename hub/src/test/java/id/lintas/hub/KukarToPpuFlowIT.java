package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class KukarToPpuFlowIT extends HubIntegrationTest {

    @Test
    void kukarReferralReachesPpuOutboxAsCsv() {
        ResponseEntity<String> answer = postKukar("referrals", sample("kukar-json", "referral-tppo-to-ppu.json"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode body = Samples.json(answer.getBody());
        String id = body.get("referralId").asText();
        assertThat(body.get("destinations").get(0).asText()).isEqualTo("ppu");

        Path file = awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);
        String csv = read(file);
        assertThat(csv).contains("\r\n");
        List<Map<String, String>> rows = Samples.csvRows(csv);
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row)
                .containsEntry("No Registrasi", "KKR/2025/0412")
                .containsEntry("ID Rujukan Hub", id)
                .containsEntry("Jenis Rujukan", "Rujukan")
                .containsEntry("Tgl Lapor", "21/07/2025")
                .containsEntry("Jam Lapor", "09:15")
                .containsEntry("Urgensi", "Tinggi")
                .containsEntry("Nama Korban", "Rina Marlina")
                .containsEntry("NIK Korban", "6409015203990002")
                .containsEntry("JK Korban", "Perempuan")
                .containsEntry("Tgl Lahir Korban", "12/03/1999")
                .containsEntry("Pendidikan Korban", "SLTA")
                .containsEntry("Tempat Kejadian", "Tempat Kerja")
                .containsEntry("Persetujuan", "Ya")
                .containsEntry("Pemberi Persetujuan", "Korban");
        assertThat(row.get("Kab/Kota Domisili")).containsIgnoringCase("Penajam Paser Utara");
        assertThat(row.get("Kab/Kota Kejadian")).containsIgnoringCase("Kutai Kartanegara");
        assertThat(row.get("Asal Kab/Kota")).containsIgnoringCase("Kutai Kartanegara");
        assertThat(row.get("Bentuk Kekerasan").split(", ")).contains("Trafficking", "Eksploitasi", "Psikis");
        assertThat(row.get("Layanan Dibutuhkan").split(", "))
                .containsExactlyInAnyOrder("Konseling Psikologis", "Bantuan Hukum", "Pemulangan", "Reintegrasi Sosial");

        JsonNode record = Samples.json(http.getForObject("/api/v1/referrals/" + id, String.class));
        assertThat(record.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(record.get("destination").asText()).isEqualTo("ppu");
        assertThat(record.get("regions").get("domicile").asText()).isEqualTo("64.09");
        assertThat(record.get("regions").get("incident").asText()).isEqualTo("64.02");
        assertThat(record.get("regions").get("reporting").asText()).isEqualTo("64.02");
        assertThat(record.get("canonical").get("resourceType").asText()).isEqualTo("Bundle");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Samples.json(http.getForObject("/api/v1/referrals/" + id, String.class))
                                .get("history")
                                .findValuesAsText("type"))
                        .containsSubsequence("RECEIVED", "ROUTED", "DELIVERED"));
    }

    @Test
    void resendOfSameCaseAndRevisionIsNotDuplicated() {
        String referral = sample("kukar-json", "referral-child-sexual-violence.json");

        JsonNode first = Samples.json(postKukar("referrals", referral).getBody());
        JsonNode second = Samples.json(postKukar("referrals", referral).getBody());

        assertThat(second.get("referralId").asText())
                .isEqualTo(first.get("referralId").asText());
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        // No destination named: the victim lives in PPU, so the hub sends it there.
        assertThat(first.get("destinations").get(0).asText()).isEqualTo("ppu");
        String id = first.get("referralId").asText();
        awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);
        assertThat(jdbc.sql(
                                "select count(*) from referral where sender_id = 'kukar' and source_reference = 'KKR/2025/0430'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(outboxFiles("ppu", "RUJUKAN_MASUK_" + id)).hasSize(1);
    }

    /**
     * PPU imports every file it takes, so a delivery whose file was taken before its outcome was recorded
     * (a crash, a frozen database) must not be written again when it comes back. The outcome's record
     * fails here by a trigger in the real database, until PPU has taken the file.
     */
    @Test
    void aFileTakenBeforeItsDeliveryWasRecordedIsNotWrittenAgain() throws Exception {
        jdbc.sql("create or replace function test_refuse_delivered() returns trigger language plpgsql as"
                        + " $$ begin if new.state = 'DELIVERED' and new.recipient_id = 'ppu' then"
                        + " raise exception 'outcome not recorded (test)'; end if; return new; end $$")
                .update();
        jdbc.sql("create trigger test_refuse_delivered before update on delivery"
                        + " for each row execute function test_refuse_delivered()")
                .update();
        String id;
        try {
            String body = sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", "KKR/IT/ONCE-1");
            id = Samples.json(postKukar("referrals", body).getBody())
                    .get("referralId")
                    .asText();
            Path written = awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id);
            Path taken = Files.createTempDirectory("ppu-taken");
            Files.move(written, taken.resolve(written.getFileName()));
        } finally {
            jdbc.sql("drop trigger test_refuse_delivered on delivery").update();
            jdbc.sql("drop function test_refuse_delivered()").update();
        }
        // As after a crash: the holder's lease has run out, so the next redelivery takes it over.
        jdbc.sql("update delivery set claimed_at = now() - interval '1 hour'"
                        + " where referral_id = ?::uuid and recipient_id = 'ppu' and state = 'SENDING'")
                .param(id)
                .update();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED"
                        .equals(jdbc.sql("select state from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                                .param(id)
                                .query(String.class)
                                .single()));
        assertThat(jdbc.sql("select attempts from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("the delivery came back after its file was written")
                .isGreaterThan(1);
        assertThat(outboxFiles("ppu", "RUJUKAN_MASUK_" + id))
                .as("the file PPU took is not written again")
                .isEmpty();
        try (var markers =
                Files.list(DATA_DIR.resolve("files").resolve("published").resolve("ppu"))) {
            assertThat(markers.map(p -> p.getFileName().toString()))
                    .as("the marker is forgotten once the outcome is recorded")
                    .doesNotContain(
                            jdbc.sql("select id::text from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                                    .param(id)
                                    .query(String.class)
                                    .single());
        }
    }

    @Test
    void ppuAcceptanceByStatusFileGoesBackToKukar() {
        String id = Samples.json(postKukar("referrals", sample("kukar-json", "referral-two-victims.json"))
                        .getBody())
                .get("referralId")
                .asText();
        List<Map<String, String>> rows = Samples.csvRows(read(awaitOutboxFile("ppu", "RUJUKAN_MASUK_" + id)));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("Jenis Rujukan")).containsOnly("Pelimpahan");

        String status = sample("ppu-csv", "STATUS_20250723_0800.csv").replace("<the hub's referral id>", id);
        drop("ppu", "STATUS_20250723_0801.csv", status.getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> receipt = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_STATUS_20250723_0801")));
        assertThat(receipt)
                .singleElement()
                .satisfies(r -> assertThat(r.get("Hasil")).isEqualTo("DITERIMA"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                KUKAR.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                                "/kukar/api/rujukan/" + id + "/status"))))
                        .singleElement()
                        .satisfies(request -> {
                            JsonNode change = Samples.json(request.getBodyAsString());
                            assertThat(change.get("id_rujukan_hub").asText()).isEqualTo(id);
                            assertThat(change.get("status").asText()).isEqualTo("diterima");
                            assertThat(change.get("waktu").asText()).isEqualTo("23-07-2025 08:10");
                        }));
        assertThat(Samples.json(http.getForObject("/api/v1/referrals/" + id, String.class))
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
    }
}
