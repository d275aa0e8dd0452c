package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import id.lintas.hub.agreement.DetachedSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Registers participants' signing keys and agreements through the hub's own API, and signs them
 * as each party's signer would: keys generated for the test run, nothing shared with the demo.
 */
public final class AgreementFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ECKey> KEYS = new ConcurrentHashMap<>();

    private final RestClient http;

    public AgreementFixtures(String baseUrl, TestCredentials credentials) {
        this.http = RestClient.builder()
                .baseUrl(baseUrl)
                .requestInterceptor(credentials.interceptor())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** The test signer key of a participant (one per participant per test run). */
    public static ECKey key(String participant) {
        return KEYS.computeIfAbsent(participant, p -> generate(p + "-signer-" + System.nanoTime()));
    }

    public static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode example(String name) {
        try (InputStream in = AgreementFixtures.class.getResourceAsStream("/agreement/examples/" + name + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ResponseEntity<String> registerKey(String participant, ECKey key) {
        return post(
                "/api/v1/participants/" + participant + "/keys",
                key.toPublicJWK().toJSONString());
    }

    public ResponseEntity<String> register(JsonNode document) {
        return post("/api/v1/agreements", document.toString());
    }

    public String canonical(String id, int version) {
        return http.get()
                .uri("/api/v1/agreements/{id}/versions/{v}/canonical", id, version)
                .retrieve()
                .body(String.class);
    }

    public ResponseEntity<String> sign(String id, int version, String participant, String jws) {
        return post(
                "/api/v1/agreements/" + id + "/versions/" + version + "/signatures",
                JSON.createObjectNode()
                        .put("participant", participant)
                        .put("jws", jws)
                        .toString());
    }

    public ResponseEntity<String> signAs(String id, int version, String participant) {
        return sign(id, version, participant, DetachedSigner.sign(canonical(id, version), key(participant)));
    }

    public ResponseEntity<String> post(String path, String body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    public JsonNode get(String path) {
        try {
            return JSON.readTree(http.get().uri(path).retrieve().body(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the document (if new), every party's key, and every party's signature: the agreement is active. */
    public void activate(JsonNode document) {
        String id = document.path("id").asText();
        int version = document.path("version").asInt();
        for (JsonNode party : document.path("parties")) {
            registerKey(
                    party.path("participant").asText(),
                    key(party.path("participant").asText()));
        }
        JsonNode existing = get("/api/v1/agreements/" + id + "/versions/" + version);
        if (existing.path("status").asText().equals("ACTIVE")) {
            return;
        }
        if (!existing.has("id")) {
            ResponseEntity<String> registered = register(document);
            assertThat(registered.getStatusCode().value())
                    .as(registered.getBody())
                    .isEqualTo(201);
        }
        for (JsonNode party : document.path("parties")) {
            signAs(id, version, party.path("participant").asText());
        }
        assertThat(get("/api/v1/agreements/" + id + "/versions/" + version)
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
    }
}
