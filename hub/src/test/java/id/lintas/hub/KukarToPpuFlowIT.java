package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
