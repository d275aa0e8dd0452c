package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Kukar's invalid samples: each refused with the field named, nothing recorded, the raw message kept. */
class InvalidInputIT extends HubIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "invalid-missing-consent.json, KKR/2025/0501, persetujuan",
        "invalid-bad-date.json,        KKR/2025/0502, tgl_lapor",
        "invalid-unknown-region.json,  KKR/2025/0503, tujuan.kode_wilayah",
    })
    void invalidReferralIsRefusedNamingTheField(String sampleName, String caseNumber, String field) {
        String body = sample("kukar-json", sampleName);
        int keptBefore = rejectedKept();

        ResponseEntity<String> answer = postKukar("referrals", body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.get("errors").findValuesAsText("reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(jdbc.sql("select count(*) from referral where sender_id = 'kukar' and source_reference = ?")
                        .param(caseNumber)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(rejectedKept())
                .as("the refused message is kept for diagnosis")
                .isEqualTo(keptBefore + 1);
    }

    @Test
    void truncatedJsonIsRefusedAsMalformed() {
        int keptBefore = rejectedKept();

        ResponseEntity<String> answer = postKukar("referrals", sample("kukar-json", "invalid-not-json.json"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.get("errors").findValuesAsText("field")).isNotEmpty();
        assertThat(problem.get("errors").findValuesAsText("reason"))
                .anySatisfy(reason -> assertThat(reason).containsIgnoringCase("json"));
        assertThat(jdbc.sql("select count(*) from referral where source_reference = 'KKR/2025/0412' and revision > 1")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(rejectedKept()).isEqualTo(keptBefore + 1);
    }

    @Test
    void statusForUnknownReferralIsNotFound() {
        String status = sample("kukar-json", "status-accepted.json")
                .replace("<the hub's referral id>", UUID.randomUUID().toString());

        ResponseEntity<String> answer = postKukar("status", status);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Samples.json(answer.getBody()).get("type").asText()).endsWith("referral-not-found");
    }

    @Test
    void senderCannotAcceptItsOwnReferral() {
        String id = Samples.json(postKukar("referrals", sample("kukar-json", "referral-tppo-to-ppu.json"))
                        .getBody())
                .get("referralId")
                .asText();
        String status = sample("kukar-json", "status-accepted.json").replace("<the hub's referral id>", id);

        ResponseEntity<String> answer = postKukar("status", status);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.get("type").asText()).endsWith("status-change-refused");
        assertThat(problem.get("detail").asText()).contains("receiving region");
    }

    @Test
    void aTokenSpeaksOnlyForItsOwnParticipantEvenForAnUnknownOne() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, credentials.bearer("kukar"));
        ResponseEntity<String> answer = http.postForEntity(
                "/api/v1/participants/nowhere/referrals",
                new HttpEntity<>(sample("kukar-json", "referral-tppo-to-ppu.json"), headers),
                String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @CsvSource({
        "\"tgl_lapor\": \"21-07-2025 09:15\", \"tgl_lapor\": \"21-07-0001 09:15\", tgl_lapor,           KKR/IT/PLAUSIBLE-1",
        "\"tgl_lapor\": \"21-07-2025 09:15\", \"tgl_lapor\": \"21-07-9999 09:15\", tgl_lapor,           KKR/IT/PLAUSIBLE-2",
        "\"tgl_lahir\": \"12-03-1999\",       \"tgl_lahir\": \"12-03-2999\",       korban[0].tgl_lahir, KKR/IT/PLAUSIBLE-3",
        "\"tgl_lahir\": \"12-03-1999\",       \"tgl_lahir\": \"12-03-1800\",       korban[0].tgl_lahir, KKR/IT/PLAUSIBLE-4",
    })
    void implausibleDatesAreRefusedNamingTheField(
            String original, String implausible, String field, String caseNumber) {
        String body = sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", caseNumber);
        assertThat(body).contains(original);

        ResponseEntity<String> answer = postKukar("referrals", body.replace(original, implausible));

        assertThat(answer.getStatusCode().is4xxClientError())
                .as(answer.getBody())
                .isTrue();
        JsonNode problem = Samples.json(answer.getBody());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(problem.get("errors").findValuesAsText("reason"))
                .singleElement()
                .asString()
                .startsWith("the ");
        assertThat(jdbc.sql("select count(*) from referral where sender_id = 'kukar' and source_reference = ?")
                        .param(caseNumber)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aBodyThatIsNotWhatItsContentTypeSaysIsRefused() {
        HttpHeaders xml = new HttpHeaders();
        xml.setContentType(MediaType.APPLICATION_XML);
        String json = sample("kukar-json", "referral-tppo-to-ppu.json").replace("KKR/2025/0412", "KKR/IT/CTYPE-1");
        ResponseEntity<String> jsonAsXml =
                http.postForEntity("/api/v1/participants/kukar/referrals", new HttpEntity<>(json, xml), String.class);
        HttpHeaders jsonType = new HttpHeaders();
        jsonType.setContentType(MediaType.APPLICATION_JSON);
        String kasus = sample("prabumulih-xml", "kasus-anak-kukar.xml").replace("PBM-SL-", "PBM-CTYPE-");
        ResponseEntity<String> xmlAsJson = http.postForEntity(
                "/api/v1/participants/prabumulih/referrals", new HttpEntity<>(kasus, jsonType), String.class);

        for (ResponseEntity<String> answer : java.util.List.of(jsonAsXml, xmlAsJson)) {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(Samples.json(answer.getBody()).get("errors").findValuesAsText("field"))
                    .containsExactly("Content-Type");
        }
        assertThat(jdbc.sql(
                                "select count(*) from referral where source_reference in ('KKR/IT/CTYPE-1') or source_reference like 'PBM-CTYPE-%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private int rejectedKept() {
        return jdbc.sql("select count(*) from inbound_message where participant_id = 'kukar' and outcome = 'REJECTED'")
                .query(Integer.class)
                .single();
    }
}
