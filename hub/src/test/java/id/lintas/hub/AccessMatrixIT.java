package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Every API as every kind of caller: each region's system (token), each role (account), and nobody.
 * Function-level (admin calls with a region token), object-level (another region's referral ids answer
 * 404, never 403 with details) and path-level (a token speaks only for its own participant) access, and
 * mass assignment, all through real HTTP against the real security chain. An operator cannot make a key
 * speak for a region, and nobody introspects tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessMatrixIT extends HubIntegrationTest {

    private static final String ANONYMOUS = "anonymous";
    private RestClient raw;
    private String kukarReferral;

    @BeforeEach
    void aReferralFromKukarToPpu() {
        raw = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        String body = sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", "KKR/IT/ACCESS-" + System.nanoTime());
        ResponseEntity<String> sent = call("kukar", HttpMethod.POST, "/api/v1/participants/kukar/referrals", body);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        kukarReferral = Samples.json(sent.getBody()).path("referralId").asText();
    }

    private String authorization(String caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case "kukar", "ppu", "jakarta", "prabumulih" -> credentials.bearer(caller);
            default -> credentials.basic(caller);
        };
    }

    private ResponseEntity<String> call(String caller, HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request = raw.method(method).uri(path);
        String authorization = authorization(caller);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(
                            path.startsWith("/fhir")
                                    ? MediaType.valueOf("application/fhir+json")
                                    : MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    /** One endpoint: the status each caller gets. */
    private void expect(
            HttpMethod method, String path, String body, Map<String, Integer> statuses, List<String> failures) {
        statuses.forEach((caller, expected) -> {
            int actual = call(caller, method, path, body).getStatusCode().value();
            if (actual != expected) {
                failures.add(method + " " + path + " as " + caller + ": expected " + expected + ", got " + actual);
            }
        });
    }

    private static Map<String, Integer> statuses(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyRoleAndParticipantReachesOnlyWhatItMay() {
        List<String> failures = new ArrayList<>();
        String status = "{\"id_rujukan_hub\":\"" + kukarReferral
                + "\",\"status\":\"dibatalkan\",\"waktu\":\"20-07-2025 08:00\",\"catatan\":\"uji\"}";

        // A region's system speaks only for itself; people never post referrals.
        expect(
                HttpMethod.POST,
                "/api/v1/participants/kukar/status",
                "{}",
                statuses(
                        ANONYMOUS,
                        401,
                        "ppu",
                        403,
                        "jakarta",
                        403,
                        "admin",
                        403,
                        "operator",
                        403,
                        "auditor",
                        403,
                        "signer-kukar",
                        403),
                failures);
        // Object level: only the sender cancels; a stranger's id does not exist for it.
        expect(
                HttpMethod.POST,
                "/api/v1/participants/jakarta/status",
                status.replace("dibatalkan", "diterima"),
                statuses("jakarta", 404),
                failures);
        // Reading a referral: sender and receiver; operators and auditors without identity; nobody else.
        expect(
                HttpMethod.GET,
                "/api/v1/referrals/" + kukarReferral,
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        200,
                        "ppu",
                        200,
                        "jakarta",
                        404,
                        "prabumulih",
                        404,
                        "operator",
                        200,
                        "auditor",
                        200,
                        "admin",
                        403,
                        "signer-kukar",
                        403),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/referrals/00000000-0000-0000-0000-000000000000",
                null,
                statuses("jakarta", 404, "kukar", 404),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/referrals?participant=kukar",
                null,
                statuses(ANONYMOUS, 401, "kukar", 200, "ppu", 403, "operator", 200, "auditor", 200, "admin", 403),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/referrals/overdue",
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "operator",
                        200,
                        "auditor",
                        200,
                        "admin",
                        403,
                        "signer-kukar",
                        403),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/deliveries?state=DEAD",
                null,
                statuses(ANONYMOUS, 401, "kukar", 403, "operator", 200, "auditor", 403, "admin", 403),
                failures);
        expect(
                HttpMethod.POST,
                "/api/v1/deliveries/00000000-0000-0000-0000-000000000000/retry",
                null,
                statuses("kukar", 403, "auditor", 403, "admin", 403),
                failures);

        // Agreements: administrators administer, signers sign for their own party only, auditors read the trail.
        String document = AgreementFixtures.example("pks-kukar-ppu-2024").toString();
        expect(
                HttpMethod.POST,
                "/api/v1/agreements/check",
                document,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "signer-kukar",
                        403,
                        "auditor",
                        403,
                        "operator",
                        403,
                        "admin",
                        200),
                failures);
        expect(
                HttpMethod.POST,
                "/api/v1/agreements/no-such-agreement/suspend",
                "{}",
                statuses("kukar", 403, "signer-kukar", 403, "auditor", 403, "operator", 403, "admin", 404),
                failures);
        String signature = "{\"participant\":\"kukar\",\"jws\":\"x.y.z\"}";
        expect(
                HttpMethod.POST,
                "/api/v1/agreements/pks-kukar-ppu-2024/versions/1/signatures",
                signature,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "admin",
                        403,
                        "auditor",
                        403,
                        "signer-ppu",
                        403,
                        "signer-kukar",
                        409),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/agreements/pks-kukar-ppu-2024/events",
                null,
                statuses(
                        ANONYMOUS, 401, "kukar", 403, "operator", 403, "admin", 200, "auditor", 200, "signer-ppu", 200),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/agreements/pks-kukar-ppu-2024",
                null,
                statuses(ANONYMOUS, 401, "kukar", 200, "auditor", 200, "operator", 200),
                failures);

        // Keys: a party's signers manage its signing keys (an administrator never can, or it could sign
        // for the party); operators register systems' client keys.
        String signingKey = AgreementFixtures.generate("kukar-matrix-" + System.nanoTime())
                .toPublicJWK()
                .toJSONString();
        expect(
                HttpMethod.POST,
                "/api/v1/participants/kukar/keys",
                signingKey,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "admin",
                        403,
                        "operator",
                        403,
                        "auditor",
                        403,
                        "signer-ppu",
                        403,
                        "signer-kukar",
                        201),
                failures);
        String clientKey = AgreementFixtures.generate("kukar-matrix-client-" + System.nanoTime())
                .toPublicJWK()
                .toJSONString();
        expect(
                HttpMethod.POST,
                "/api/v1/participants/kukar/client-keys",
                clientKey,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "admin",
                        403,
                        "signer-kukar",
                        403,
                        "auditor",
                        403,
                        "operator",
                        201),
                failures);
        // Approving it: the region's signer (or a second operator), never the operator who registered it.
        String approval = "/api/v1/participants/kukar/client-keys/"
                + Samples.json(clientKey).path("kid").asText() + "/approval";
        expect(
                HttpMethod.POST,
                approval,
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "ppu",
                        403,
                        "admin",
                        403,
                        "auditor",
                        403,
                        "signer-ppu",
                        403,
                        "operator",
                        403,
                        "signer-kukar",
                        200),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/participants/kukar/key-events",
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "admin",
                        403,
                        "signer-ppu",
                        403,
                        "auditor",
                        200,
                        "operator",
                        200,
                        "signer-kukar",
                        200),
                failures);

        // FHIR: Jakarta's system only; explain: administrators and a participant for itself.
        expect(
                HttpMethod.POST,
                "/fhir/$process-message",
                "{\"resourceType\":\"Bundle\",\"type\":\"message\"}",
                statuses(ANONYMOUS, 401, "kukar", 403, "admin", 403, "operator", 403, "jakarta", 400),
                failures);
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";
        expect(
                HttpMethod.POST,
                "/api/v1/routing/explain?sender=kukar",
                bundle,
                statuses(ANONYMOUS, 401, "ppu", 403, "auditor", 403, "operator", 403),
                failures);
        expect(HttpMethod.GET, "/actuator/health", null, statuses(ANONYMOUS, 200), failures);
        // People's accounts: administrators only.
        expect(
                HttpMethod.GET,
                "/api/v1/accounts",
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "kukar",
                        403,
                        "operator",
                        403,
                        "auditor",
                        403,
                        "signer-kukar",
                        403,
                        "admin",
                        200),
                failures);
        expect(
                HttpMethod.POST,
                "/api/v1/accounts/operator/disable",
                null,
                statuses(ANONYMOUS, 401, "kukar", 403, "operator", 403, "auditor", 403, "signer-kukar", 403),
                failures);
        // A path that does not exist is 404 for everyone, not a 403 that hides it from some.
        expect(
                HttpMethod.GET,
                "/api/v1/no-such-endpoint",
                null,
                statuses(
                        ANONYMOUS,
                        404,
                        "kukar",
                        404,
                        "operator",
                        404,
                        "auditor",
                        404,
                        "signer-kukar",
                        404,
                        "admin",
                        404),
                failures);
        expect(HttpMethod.GET, "/fhir/Patient", null, statuses(ANONYMOUS, 404, "jakarta", 404, "admin", 404), failures);
        expect(
                HttpMethod.GET,
                "/actuator/metrics",
                null,
                statuses(ANONYMOUS, 401, "kukar", 403, "admin", 403, "operator", 200),
                failures);

        assertThat(failures).isEmpty();
    }

    @Test
    void anOperatorCannotBecomeARegion() {
        // The attack of issue 13: an operator registers its own key as PPU's and asks for PPU's token.
        ECKey operatorsOwn = AgreementFixtures.generate("ppu-by-operator-" + System.nanoTime());
        assertThat(call(
                                "operator",
                                HttpMethod.POST,
                                "/api/v1/participants/ppu/client-keys",
                                operatorsOwn.toPublicJWK().toJSONString())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(call(
                                "operator",
                                HttpMethod.POST,
                                "/api/v1/participants/ppu/client-keys/" + operatorsOwn.getKeyID() + "/approval",
                                null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        HttpResponse<String> token = credentials.requestToken(
                "ppu",
                credentials.assertion("ppu", operatorsOwn, UUID.randomUUID().toString()));
        assertThat(token.statusCode())
                .as("no token, so none of PPU's referrals")
                .isEqualTo(401);
        assertThat(token.body()).doesNotContain("access_token");
        // Nor can the same public key be made another region's.
        assertThat(call(
                                "operator",
                                HttpMethod.POST,
                                "/api/v1/participants/kukar/client-keys",
                                operatorsOwn.toPublicJWK().toJSONString())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void noParticipantIntrospectsAnothersToken() throws Exception {
        String kukarsToken = credentials.bearer("kukar").substring("Bearer ".length());
        for (String asker : List.of("ppu", "kukar")) {
            String form = "token=" + kukarsToken + "&client_id=" + asker
                    + "&client_assertion_type="
                    + URLEncoder.encode(
                            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&client_assertion="
                    + credentials.assertion(
                            asker,
                            credentials.clientKey(asker),
                            UUID.randomUUID().toString());
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/introspect"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as(asker + ": introspection is not offered")
                    .isEqualTo(404);
            assertThat(answer.body()).doesNotContain("\"active\"");
        }
    }

    @Test
    void operatorsAndAuditorsSeeTheRecordWithoutTheVictimsData() {
        for (String caller : List.of("operator", "auditor")) {
            JsonNode record = Samples.json(call(caller, HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null)
                    .getBody());
            assertThat(record.has("canonical")).as(caller).isFalse();
            assertThat(record.path("history").size()).as(caller).isPositive();
            assertThat(record.toString())
                    .as(caller)
                    .doesNotContain("Rina Marlina")
                    .doesNotContain("6409015203990002");
        }
        JsonNode sender = Samples.json(call("kukar", HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null)
                .getBody());
        assertThat(sender.path("canonical").path("resourceType").asText()).isEqualTo("Bundle");
    }

    @Test
    void demoViewsOfWhatARegionReceivedNeedThatRegionsOwnLogin() {
        List<String> failures = new ArrayList<>();
        // The test profile has no simulated regions: the participant itself passes security and finds nothing (404).
        expect(
                HttpMethod.GET,
                "/api/v1/demo/participants/kukar/received",
                null,
                statuses(
                        ANONYMOUS,
                        401,
                        "ppu",
                        403,
                        "operator",
                        403,
                        "auditor",
                        403,
                        "admin",
                        403,
                        "signer-kukar",
                        403,
                        "kukar",
                        404),
                failures);
        expect(
                HttpMethod.GET,
                "/api/v1/demo/participants/jakarta/received",
                null,
                statuses(ANONYMOUS, 401, "kukar", 403, "jakarta", 404),
                failures);
        assertThat(failures).isEmpty();
    }

    @Test
    void auditorsAndOperatorsReadNeitherTheVictimsSexAndAgeNorTheirOtherReferrals() {
        // Kukar's victim made an adult man hurt physically: outside every agreement's scope, refused with the case
        // described.
        String body = sample("kukar-json", "referral-tppo-to-ppu.json")
                .replace("KKR/2025/0412", "KKR/IT/ADULT-" + System.nanoTime())
                .replace("\"jenis_kelamin\": \"P\"", "\"jenis_kelamin\": \"L\"")
                .replace("[\"tppo\", \"eksploitasi\", \"psikis\"]", "[\"fisik\"]");
        JsonNode refused = Samples.json(call("kukar", HttpMethod.POST, "/api/v1/participants/kukar/referrals", body)
                .getBody());
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        String id = refused.path("referralId").asText();

        JsonNode sender = Samples.json(
                call("kukar", HttpMethod.GET, "/api/v1/referrals/" + id, null).getBody());
        assertThat(sender.path("history").toString()).contains("aged");
        assertThat(sender.path("sameVictimReferrals").toString()).contains(kukarReferral);
        for (String caller : List.of("operator", "auditor")) {
            JsonNode record = Samples.json(call(caller, HttpMethod.GET, "/api/v1/referrals/" + id, null)
                    .getBody());
            assertThat(record.path("history").findValuesAsText("type"))
                    .as(caller)
                    .contains("REFUSED");
            assertThat(record.path("history").toString())
                    .as(caller)
                    .doesNotContain("aged")
                    .doesNotContain("male");
            assertThat(record.has("sameVictimReferrals")).as(caller).isFalse();
            assertThat(record.toString()).as(caller).doesNotContain(kukarReferral);
        }
    }

    @Autowired
    ReferralRepository referralRecords;

    @Autowired
    DeliveryRepository deliveryRecords;

    @Test
    void aReceiverSeesOnlyItsOwnRouteDeliveriesAndSteps() {
        // The referral fans out to a second receiver as well (as an annex does).
        java.util.UUID id = java.util.UUID.fromString(kukarReferral);
        referralRecords.addRoute(
                id,
                new ReferralRoute(
                        "prabumulih",
                        "pks-kukar-ppu-2024",
                        1,
                        null,
                        List.of("BANTUAN_HUKUM"),
                        List.of(),
                        List.of("IDENTITY"),
                        null,
                        "REQUESTED"));
        referralRecords.addEvent(
                id,
                "ROUTED",
                "REQUESTED",
                "hub",
                "to prabumulih under agreement pks-kukar-ppu-2024 v1 (64.09); services [BANTUAN_HUKUM]; data [IDENTITY]");
        deliveryRecords.addReferral(id, "prabumulih");

        JsonNode receiver = Samples.json(call("ppu", HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null)
                .getBody());
        assertThat(receiver.path("routes").findValuesAsText("participantId")).containsExactly("ppu");
        assertThat(receiver.path("deliveries").findValuesAsText("recipient"))
                .isNotEmpty()
                .containsOnly("ppu");
        assertThat(receiver.path("history").toString()).contains("to ppu").doesNotContain("prabumulih");
        JsonNode sender = Samples.json(call("kukar", HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null)
                .getBody());
        assertThat(sender.path("routes").findValuesAsText("participantId")).contains("ppu", "prabumulih");
        assertThat(sender.path("deliveries").findValuesAsText("recipient")).contains("ppu", "prabumulih");
    }

    @Test
    void aCallerCannotAssignWhatTheHubDecides() {
        // An agreement cannot be registered as already active, nor a signature made for another party.
        ObjectNode active =
                (ObjectNode) AgreementFixtures.example("pks-kukar-ppu-2024").deepCopy();
        active.put("id", "it-mass-assignment").put("status", "ACTIVE");
        ResponseEntity<String> registered = call("admin", HttpMethod.POST, "/api/v1/agreements", active.toString());
        assertThat(registered.getStatusCode().value()).isEqualTo(422);
        assertThat(Samples.json(registered.getBody()).path("errors").findValuesAsText("field"))
                .contains("status");

        // The sender of a referral is the token's participant, whatever the body says.
        ResponseEntity<String> asPpu = call(
                "kukar",
                HttpMethod.POST,
                "/api/v1/participants/ppu/referrals",
                sample("kukar-json", "referral-tppo-to-ppu.json"));
        assertThat(asPpu.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void refusalsAreLoggedWithoutVictimsData(CapturedOutput output) {
        call("jakarta", HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null);
        call("kukar", HttpMethod.POST, "/api/v1/agreements/check", "{}");
        call(ANONYMOUS, HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null);

        assertThat(output.getOut())
                .contains("event=access-refused caller=jakarta")
                .contains("event=access-denied method=POST path=\"/api/v1/agreements/check\" caller=kukar")
                .contains("event=authentication-failed method=GET");
    }

    @Test
    void refusesUnexpectedContentTypesAndOversizedBodies() {
        ResponseEntity<String> text = raw.post()
                .uri("/api/v1/participants/kukar/referrals")
                .header(HttpHeaders.AUTHORIZATION, credentials.bearer("kukar"))
                .contentType(MediaType.TEXT_PLAIN)
                .body("hello")
                .retrieve()
                .toEntity(String.class);
        assertThat(text.getStatusCode().value()).isEqualTo(415);

        ResponseEntity<String> huge = raw.post()
                .uri("/api/v1/participants/kukar/referrals")
                .header(HttpHeaders.AUTHORIZATION, credentials.bearer("kukar"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .retrieve()
                .toEntity(String.class);
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
        assertThat(huge.getBody()).contains("too-large").doesNotContain("aaaa");
    }

    @Test
    void answersCarrySecurityHeaders() {
        ResponseEntity<String> answer = call("kukar", HttpMethod.GET, "/api/v1/referrals/" + kukarReferral, null);
        HttpHeaders headers = answer.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
