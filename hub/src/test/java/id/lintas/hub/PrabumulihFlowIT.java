package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Prabumulih's XML through the hub: refused without an agreement, routed with one, statuses back in XML. */
class PrabumulihFlowIT extends HubIntegrationTest {

    private static final String STATUS_PATH = "/prabumulih/satulayanan/api/v2/status";
    private static final String[] ALL_SERVICES = {
        "PENGADUAN",
        "PENJANGKAUAN",
        "PENGELOLAAN_KASUS",
        "RUMAH_AMAN",
        "MEDIASI",
        "PENDAMPINGAN",
        "KESEHATAN",
        "PSIKOLOGIS",
        "BANTUAN_HUKUM",
        "PENEGAKAN_HUKUM",
        "REHABILITASI_SOSIAL",
        "REINTEGRASI_SOSIAL",
        "PEMULANGAN",
        "PEMBERDAYAAN_EKONOMI",
        "PERLINDUNGAN_LPSK",
        "VISUM"
    };
    /** The services each party's list has a code for. */
    private static final Map<String, Set<String>> CARRIES = Map.of(
            "kukar",
                    Set.of(
                            "PENGADUAN",
                            "RUMAH_AMAN",
                            "PENDAMPINGAN",
                            "KESEHATAN",
                            "PSIKOLOGIS",
                            "BANTUAN_HUKUM",
                            "PENEGAKAN_HUKUM",
                            "REHABILITASI_SOSIAL",
                            "REINTEGRASI_SOSIAL",
                            "PEMULANGAN",
                            "PEMBERDAYAAN_EKONOMI"),
            "prabumulih",
                    Set.of(
                            "PENGADUAN",
                            "RUMAH_AMAN",
                            "KESEHATAN",
                            "PSIKOLOGIS",
                            "BANTUAN_HUKUM",
                            "PENEGAKAN_HUKUM",
                            "REHABILITASI_SOSIAL",
                            "REINTEGRASI_SOSIAL",
                            "PEMULANGAN",
                            "PERLINDUNGAN_LPSK"));

    private ResponseEntity<String> postPrabumulih(String what, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return http.postForEntity(
                "/api/v1/participants/prabumulih/" + what, new HttpEntity<>(xml, headers), String.class);
    }

    private static String childCase(String caseNumber) {
        return sample("prabumulih-xml", "kasus-anak-kukar.xml").replace("PBM-SL-2025-0081", caseNumber);
    }

    /** A child-protection agreement between Prabumulih and Kukar (not one of the README's three: a test of routing). */
    private static ObjectNode prabumulihKukarAgreement() {
        ObjectNode document =
                (ObjectNode) AgreementFixtures.example("pks-kukar-ppu-2024").deepCopy();
        document.put("id", "it-prabumulih-kukar-children");
        document.put("title", "Test: child victims between Prabumulih and Kutai Kartanegara");
        ArrayNode parties = document.putArray("parties");
        parties.addObject().put("participant", "prabumulih").put("region", "16.74");
        parties.addObject().put("participant", "kukar").put("region", "64.02");
        document.with("scope")
                .putArray("cases")
                .addObject()
                .put("label", "child victims")
                .putObject("victimAge")
                .put("max", 17);
        ArrayNode services = document.putArray("services");
        for (String code : ALL_SERVICES) {
            // Each service is asked only of the parties whose list has a code for it (the hub refuses others).
            List<String> providers = Stream.of("prabumulih", "kukar")
                    .filter(p -> CARRIES.get(p).contains(code))
                    .toList();
            if (!providers.isEmpty()) {
                ObjectNode service = services.addObject().put("code", code);
                providers.forEach(service.putArray("providers")::add);
            }
        }
        return document;
    }

    @Test
    void kukarChildIsRefusedWithoutAnAgreementAndRoutedOnceOneIsSigned() {
        // No agreement between Prabumulih and Kukar: refused, and Prabumulih is told in its own XML.
        ResponseEntity<String> first = postPrabumulih("referrals", childCase("PBM-IT-0001"));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
        JsonNode refused = Samples.json(first.getBody());
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        // Either no agreement at all, or (once a flow test registered it) the TPPO network, whose scope excludes this
        // case.
        assertThat(refused.path("refusal").asText())
                .satisfiesAnyOf(
                        r -> assertThat(r).contains("no agreement between prabumulih and kukar"),
                        r -> assertThat(r).contains("tppo-repatriation-2025 v1: outside its scope"));
        String refusedId = refused.path("referralId").asText();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(PRABUMULIH.findAll(postRequestedFor(urlPathEqualTo(STATUS_PATH))))
                        .anySatisfy(r -> assertThat(r.getBodyAsString())
                                .contains("urn:prabumulih:satulayanan:kasus:2")
                                .contains(refusedId)
                                .contains("DITOLAK")));

        // Signed by both: the next case goes to Kukar as Kukar's JSON, and Kukar's answer reaches Prabumulih as XML.
        agreements.activate(prabumulihKukarAgreement());
        JsonNode routed = Samples.json(
                postPrabumulih("referrals", childCase("PBM-IT-0002")).getBody());
        assertThat(routed.path("destinations")).extracting(JsonNode::asText).containsExactly("kukar");
        String id = routed.path("referralId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !kukarReferralsFor(id).isEmpty());
        assertThat(kukarReferralsFor(id).get(0).getBodyAsString()).contains("\"kode_wilayah\"");

        String accepted = "{\"id_rujukan_hub\":\"" + id
                + "\",\"status\":\"diterima\",\"waktu\":\"20-07-2025 08:00\",\"catatan\":\"uji\"}";
        ResponseEntity<String> status = postKukar("status", accepted);
        assertThat(status.getStatusCode().is2xxSuccessful())
                .as(status.getBody())
                .isTrue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(PRABUMULIH.findAll(postRequestedFor(urlPathEqualTo(STATUS_PATH))))
                        .anySatisfy(r ->
                                assertThat(r.getBodyAsString()).contains(id).contains("DITERIMA")));
        assertThat(KUKAR.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))
                        .withRequestBody(matchingJsonPath("$.id_rujukan_hub", equalTo(id)))))
                .hasSize(1);
    }

    @Test
    void refusesHostileAndInvalidXmlNamingTheElement() {
        int keptBefore = jdbc.sql(
                        "select count(*) from inbound_message where participant_id = 'prabumulih' and outcome = 'REJECTED'")
                .query(Integer.class)
                .single();

        ResponseEntity<String> xxe = postPrabumulih("referrals", sample("prabumulih-xml", "invalid-xxe.xml"));
        assertThat(xxe.getStatusCode().value()).isEqualTo(400);
        assertThat(xxe.getBody()).contains("DOCTYPE").doesNotContain("root:");

        ResponseEntity<String> schema = postPrabumulih("referrals", sample("prabumulih-xml", "invalid-schema.xml"));
        assertThat(schema.getStatusCode().value()).isEqualTo(400);
        assertThat(Samples.json(schema.getBody()).path("errors").findValuesAsText("field"))
                .anySatisfy(f -> assertThat(f).startsWith("/kasus/klien"));

        assertThat(jdbc.sql(
                                "select count(*) from inbound_message where participant_id = 'prabumulih' and outcome = 'REJECTED'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(keptBefore + 2);
    }

    @Test
    void anOlderRevisionIsRefusedNamingPrabumulihsOwnVersionAttribute() {
        String second = childCase("PBM-IT-STALE-1").replace("versi=\"1\"", "versi=\"2\"");
        assertThat(second).contains("versi=\"2\"");
        assertThat(postPrabumulih("referrals", second).getStatusCode().value()).isEqualTo(202);

        ResponseEntity<String> older = postPrabumulih("referrals", childCase("PBM-IT-STALE-1"));

        assertThat(older.getStatusCode().value()).as(older.getBody()).isEqualTo(409);
        JsonNode problem = Samples.json(older.getBody());
        assertThat(problem.path("type").asText()).endsWith("stale-revision");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("/kasus/@versi");
        assertThat(jdbc.sql("select errors::text from inbound_message where participant_id = 'prabumulih'"
                                + " and outcome = 'REJECTED' order by received_at desc limit 1")
                        .query(String.class)
                        .single())
                .contains("\"/kasus/@versi\"")
                .doesNotContain("\"revisi\"");
    }
}
