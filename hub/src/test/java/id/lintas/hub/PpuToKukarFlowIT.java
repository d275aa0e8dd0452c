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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PpuToKukarFlowIT extends HubIntegrationTest {

    @Test
    void ppuReferralFileReachesKukarAsJsonAndIsAcknowledgedRowByRow() {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-F1");
        drop("ppu", "RUJUKAN_20250722_1600.csv", csv.getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> receipt =
                Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250722_1600")));
        assertThat(receipt).extracting(r -> r.get("Baris")).containsExactly("1", "2", "3");
        assertThat(receipt).extracting(r -> r.get("Hasil")).containsOnly("DITERIMA");
        assertThat(receipt)
                .extracting(r -> r.get("No Registrasi"))
                .containsExactly("PPU/UPTD/2025/117-F1", "PPU/UPTD/2025/118-F1", "PPU/UPTD/2025/118-F1");
        String tppo = receipt.get(0).get("ID Rujukan Hub");
        String siblings = receipt.get(1).get("ID Rujukan Hub");
        assertThat(receipt.get(2).get("ID Rujukan Hub"))
                .as("two rows of one case are one referral")
                .isEqualTo(siblings);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> kukarReferralsFor(tppo).size() == 1
                        && kukarReferralsFor(siblings).size() == 1);
        JsonNode first = Samples.json(kukarReferralsFor(tppo).get(0).getBodyAsString());
        assertThat(first.get("no_registrasi").asText()).isEqualTo("PPU/UPTD/2025/117-F1");
        assertThat(first.get("jenis_rujukan").asText()).isEqualTo("rujukan");
        assertThat(first.get("tgl_lapor").asText())
                .as("WITA wall time, no offset")
                .isEqualTo("22-07-2025 15:20");
        assertThat(first.get("asal").get("kode_wilayah").asText())
                .as("PPU by its BPS code")
                .isEqualTo("6409");
        assertThat(first.get("korban")).hasSize(1);
        assertThat(first.get("korban").get(0).get("alamat").get("kode_wilayah").asText())
                .as("Kab. Kutai Kartanegara in BPS terms")
                .isEqualTo("6403");
        assertThat(first.get("bentuk_kekerasan").toString()).contains("tppo");

        JsonNode second = Samples.json(kukarReferralsFor(siblings).get(0).getBodyAsString());
        assertThat(second.get("jenis_rujukan").asText()).isEqualTo("pelimpahan");
        assertThat(second.get("korban")).hasSize(2);
        assertThat(second.get("korban").get(0).has("tgl_lahir"))
                .as("absent birth date is left out")
                .isFalse();
        assertThat(second.get("korban").get(0).get("usia").asInt()).isEqualTo(12);

        JsonNode record = Samples.json(http.getForObject("/api/v1/referrals/" + tppo, String.class));
        assertThat(record.get("sender").asText()).isEqualTo("ppu");
        assertThat(record.get("destination").asText()).isEqualTo("kukar");
        assertThat(record.get("reportedAt").asText())
                .as("WITA 15:20 is 07:20 UTC")
                .startsWith("2025-07-22T07:20");

        assertThat(inbox("ppu").resolve("RUJUKAN_20250722_1600.csv")).doesNotExist();
        assertThat(filesUnder(archive("ppu"))).anyMatch(name -> name.startsWith("RUJUKAN_20250722_1600"));
    }

    /** Cases of one file go through intake side by side; the receipt still answers every row, in order. */
    @Test
    void everyCaseOfALargerFileIsRecordedOnceAndAnsweredInRowOrder() {
        String sample = sample("ppu-csv", "RUJUKAN_20250722_1600.csv");
        String[] lines = sample.split("\r\n");
        StringBuilder csv = new StringBuilder(lines[0]).append("\r\n");
        for (int copy = 1; copy <= 10; copy++) {
            for (int line = 1; line < lines.length; line++) {
                csv.append(Samples.withCaseSuffix(lines[line], "-M" + copy)).append("\r\n");
            }
        }
        drop("ppu", "RUJUKAN_20250726_1100.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> receipt =
                Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250726_1100")));
        int rowsPerCopy = lines.length - 1;
        assertThat(receipt).hasSize(10 * rowsPerCopy);
        assertThat(receipt)
                .extracting(r -> Integer.parseInt(r.get("Baris")))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(receipt).extracting(r -> r.get("Hasil")).containsOnly("DITERIMA");
        // The two rows of case 118 in every copy are one referral, as in the sample.
        assertThat(receipt.stream().map(r -> r.get("ID Rujukan Hub")).distinct())
                .hasSize(10
                        * (int) java.util.Arrays.stream(lines)
                                .skip(1)
                                .map(l -> l.replaceAll(".*(PPU/UPTD/2025/\\d+).*", "$1"))
                                .distinct()
                                .count());
        assertThat(jdbc.sql("select count(*) from referral where sender_id = 'ppu' and source_reference like '%-M%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(20);
    }

    @Test
    void badRowsAreRefusedAloneWhileGoodRowsOfTheSameFileGoThrough() {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "invalid-RUJUKAN_20250724_0900.csv"), "-F2");
        drop("ppu", "RUJUKAN_20250724_0900.csv", csv.getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> receipt =
                Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250724_0900")));
        assertThat(receipt)
                .extracting(r -> r.get("Hasil"))
                .containsExactly("DITERIMA", "DITOLAK", "DITOLAK", "DITERIMA");
        assertThat(receipt.get(1).get("Pesan")).contains("Kab/Kota").contains("Kutai");
        assertThat(receipt.get(2).get("Pesan")).contains("Tgl Lahir Korban");
        assertThat(receipt.get(1).get("ID Rujukan Hub")).isEmpty();
        assertThat(receipt.get(0).get("ID Rujukan Hub")).isNotEmpty();
        assertThat(receipt.get(3).get("ID Rujukan Hub")).isNotEmpty();

        assertThat(referralCount("PPU/UPTD/2025/121-F2")).isEqualTo(1);
        assertThat(referralCount("PPU/UPTD/2025/122-F2")).isZero();
        assertThat(referralCount("PPU/UPTD/2025/123-F2")).isZero();
        assertThat(referralCount("PPU/UPTD/2025/124-F2")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbound_message where file_name = 'RUJUKAN_20250724_0900.csv'")
                        .query(Integer.class)
                        .single())
                .as("the file is kept as received, for diagnosis")
                .isEqualTo(1);
    }

    @Test
    void fileOfAnotherLayoutIsRefusedWholeAndMovedToTheErrorFolder() {
        byte[] content = sample("ppu-csv", "invalid-RUJUKAN_20250725_1000.csv").getBytes(StandardCharsets.UTF_8);
        drop("ppu", "RUJUKAN_20250725_1000.csv", content);

        List<Map<String, String>> receipt =
                Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250725_1000")));
        assertThat(receipt).singleElement().satisfies(row -> {
            assertThat(row.get("Hasil")).isEqualTo("DITOLAK");
            assertThat(row.get("Pesan")).containsIgnoringCase("header");
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(errorFolder("ppu").resolve("RUJUKAN_20250725_1000.csv")));
        assertThat(errorFolder("ppu").resolve("RUJUKAN_20250725_1000.csv")).hasBinaryContent(content);
        assertThat(jdbc.sql("select outcome from inbound_message where file_name = 'RUJUKAN_20250725_1000.csv'")
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED");
    }

    @Test
    void onlyRegularFilesOfTheInboxWithinTheSizeCapAreReadAndNothingElseIsQuoted(CapturedOutput output)
            throws Exception {
        // A key file of the hub's kind, outside the inbox: what a sender must never get to read.
        String secret = "Zm9vYmFyU2VjcmV0S2V5MTIzNDU2Nzg5";
        Path key = DATA_DIR.resolve("it-signing-key.jwk.json");
        Files.writeString(key, "{\"kty\":\"EC\",\"d\":\"" + secret + "\",\"crv\":\"P-256\"}\n");
        Path outside = DATA_DIR.resolve("it-other.csv");
        Files.write(
                outside,
                sample("ppu-csv", "RUJUKAN_20250722_1600.csv")
                        .replace("PPU/UPTD/", "PPU/HARDLINK/")
                        .getBytes(StandardCharsets.UTF_8));
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        Files.createSymbolicLink(inbox("ppu").resolve("RUJUKAN_20250901_0101.csv"), key);
        refusals.put("RUJUKAN_20250901_0101", "not a regular file");
        Files.createLink(inbox("ppu").resolve("RUJUKAN_20250901_0102.csv"), outside);
        refusals.put("RUJUKAN_20250901_0102", "hard links");
        drop(
                "ppu",
                "RUJUKAN_20250901_0103.csv",
                ("No;" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
        refusals.put("RUJUKAN_20250901_0103", "larger than");

        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String receipt = read(awaitOutboxFile("ppu", "HASIL_" + refusal.getKey()));
            assertThat(Samples.csvRows(receipt)).singleElement().satisfies(row -> {
                assertThat(row.get("Hasil")).isEqualTo("DITOLAK");
                assertThat(row.get("Pesan")).contains(refusal.getValue());
            });
            assertThat(receipt).doesNotContain(secret.substring(0, 8)).doesNotContain("HARDLINK");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(
                            errorFolder("ppu").resolve(refusal.getKey() + ".csv"),
                            java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertThat(jdbc.sql("select outcome || coalesce(errors::text, '') from inbound_message where file_name = ?")
                            .param(refusal.getKey() + ".csv")
                            .query(String.class)
                            .single())
                    .startsWith("REJECTED")
                    .contains(refusal.getValue())
                    .doesNotContain(secret.substring(0, 8));
        }
        assertThat(jdbc.sql("select count(*) from referral where source_reference like 'PPU/HARDLINK/%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(key).hasContent("{\"kty\":\"EC\",\"d\":\"" + secret + "\",\"crv\":\"P-256\"}");
        assertThat(output.getAll()).doesNotContain(secret.substring(0, 8));
    }

    @Test
    void aRowWithAVictimOlderThan120IsRefusedNamingItsColumn() {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-PLAUS");
        assertThat(csv).contains(";28/11/1997;");
        drop(
                "ppu",
                "RUJUKAN_20250903_0900.csv",
                csv.replace(";28/11/1997;", ";28/11/1897;").getBytes(StandardCharsets.UTF_8));

        Map<String, String> row = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250903_0900")))
                .get(0);
        assertThat(row.get("Hasil")).isEqualTo("DITOLAK");
        assertThat(row.get("Pesan"))
                .isEqualTo("Kolom 'Tgl Lahir Korban': the birth date makes the victim older than 120");
    }

    @Test
    void theFilesAndFoldersTheHubKeepsAreItsOwnOnly() throws Exception {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-PERM");
        drop("ppu", "RUJUKAN_20250902_0900.csv", csv.getBytes(StandardCharsets.UTF_8));
        Path receipt = awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250902_0900");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> archived("RUJUKAN_20250902_0900").isPresent());
        Path archived = archived("RUJUKAN_20250902_0900").orElseThrow();

        assertThat(permissions(receipt)).isEqualTo("rw-------");
        assertThat(permissions(archived)).isEqualTo("rw-------");
        for (Path dir : List.of(
                DATA_DIR.resolve("files"),
                inbox("ppu"),
                outbox("ppu"),
                archive("ppu"),
                errorFolder("ppu"),
                archived.getParent())) {
            assertThat(permissions(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
    }

    private static java.util.Optional<Path> archived(String name) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(archive("ppu"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(name))
                    .findFirst();
        }
    }

    private static String permissions(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aFileInPpusFolderSpeaksOnlyForPpu() {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-F4");
        drop("ppu", "RUJUKAN_20250722_1602.csv", csv.getBytes(StandardCharsets.UTF_8));
        String own = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250722_1602")))
                .get(0)
                .get("ID Rujukan Hub");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kukarReferralsFor(own).size() == 1);
        String unknown = java.util.UUID.randomUUID().toString();

        // PPU sent this referral: a file in its folder cannot accept it on Kukar's behalf,
        // and cannot act on a referral PPU is not party to (answered as if it did not exist).
        String template = sample("ppu-csv", "STATUS_20250723_0800.csv");
        String status = template
                + template.lines().skip(1).findFirst().orElseThrow().replace("<the hub's referral id>", unknown) + "\n";
        drop(
                "ppu",
                "STATUS_20250723_0802.csv",
                status.replaceFirst("<the hub's referral id>", own).getBytes(StandardCharsets.UTF_8));

        List<Map<String, String>> receipt = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_STATUS_20250723_0802")));
        assertThat(receipt).extracting(r -> r.get("Hasil")).containsExactly("DITOLAK", "DITOLAK");
        assertThat(receipt.get(0).get("Pesan")).contains("only the receiving region");
        assertThat(receipt.get(1).get("Pesan"))
                .contains("no referral")
                .as("nothing about anybody else's referral")
                .doesNotContain("kukar")
                .doesNotContain("prabumulih");
        assertThat(Samples.json(http.getForObject("/api/v1/referrals/" + own, String.class))
                        .get("status")
                        .asText())
                .isNotEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from referral_event where referral_id = ?::uuid and type = 'STATUS'")
                        .param(own)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(KUKAR
                        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                        "/kukar/api/rujukan/.*/status")))
                        .stream()
                        .filter(r -> r.getUrl().contains(own)))
                .isEmpty();
    }

    @Test
    void kukarAcceptanceReachesPpuAsStatusFile() {
        String csv = Samples.withCaseSuffix(sample("ppu-csv", "RUJUKAN_20250722_1600.csv"), "-F3");
        drop("ppu", "RUJUKAN_20250722_1601.csv", csv.getBytes(StandardCharsets.UTF_8));
        String id = Samples.csvRows(read(awaitOutboxFile("ppu", "HASIL_RUJUKAN_20250722_1601")))
                .get(0)
                .get("ID Rujukan Hub");
        await().atMost(Duration.ofSeconds(30)).until(() -> kukarReferralsFor(id).size() == 1);

        String status = sample("kukar-json", "status-accepted.json").replace("<the hub's referral id>", id);
        assertThat(postKukar("status", status).getStatusCode().is2xxSuccessful())
                .isTrue();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxFiles("ppu", "STATUS_MASUK_").stream()
                        .anyMatch(file -> read(file).contains(id)));
        Map<String, String> row = outboxFiles("ppu", "STATUS_MASUK_").stream()
                .flatMap(file -> Samples.csvRows(read(file)).stream())
                .filter(r -> id.equals(r.get("ID Rujukan Hub")))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .containsEntry("No Registrasi", "PPU/UPTD/2025/117-F3")
                .containsEntry("Status", "Diterima")
                .containsEntry("Tanggal", "22/07/2025")
                .containsEntry("Jam", "10:02");
        assertThat(Samples.json(http.getForObject("/api/v1/referrals/" + id, String.class))
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
    }

    private int referralCount(String caseNumber) {
        return jdbc.sql("select count(*) from referral where sender_id = 'ppu' and source_reference = ?")
                .param(caseNumber)
                .query(Integer.class)
                .single();
    }

    private static List<String> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
