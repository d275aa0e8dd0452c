package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.client.RestClient;

/**
 * A region's client key is the trust anchor of its system: an operator registers it, but it is usable
 * only once a signer of that region approves it, or a second person (another operator). A public key
 * belongs to one participant and one purpose, and every registration, approval and revocation is on the
 * participant's key trail.
 */
class ClientKeyApprovalIT extends HubIntegrationTest {

    private static final String SECOND_OPERATOR = "operator-second";
    private RestClient raw;

    @BeforeEach
    void aSecondOperator() {
        raw = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        JdbcUserDetailsManager accounts = context.getBean(JdbcUserDetailsManager.class);
        if (!accounts.userExists(SECOND_OPERATOR)) {
            accounts.createUser(User.withUsername(SECOND_OPERATOR)
                    .password(
                            "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestCredentials.password(SECOND_OPERATOR)))
                    .authorities(new SimpleGrantedAuthority(Role.OPERATOR.authority()))
                    .build());
        }
    }

    private ResponseEntity<String> as(String account, HttpMethod method, String path, String body) {
        RestClient.RequestBodySpec request =
                raw.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, credentials.basic(account));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> register(String account, String participant, ECKey key) {
        return as(
                account,
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/client-keys",
                key.toPublicJWK().toJSONString());
    }

    private ResponseEntity<String> approve(String account, String participant, ECKey key) {
        return as(
                account,
                HttpMethod.POST,
                "/api/v1/participants/" + participant + "/client-keys/" + key.getKeyID() + "/approval",
                null);
    }

    private int token(String participant, ECKey key) {
        return credentials
                .requestToken(
                        participant,
                        credentials.assertion(
                                participant, key, UUID.randomUUID().toString()))
                .statusCode();
    }

    @Test
    void operatorAloneCannotMakeAKeyUsableForARegion() {
        ECKey operatorsOwn = AgreementFixtures.generate("ppu-operators-own-" + System.nanoTime());
        ResponseEntity<String> registered = register("operator", "ppu", operatorsOwn);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        assertThat(Samples.json(registered.getBody()).path("approvedAt").isNull())
                .isTrue();
        assertThat(token("ppu", operatorsOwn))
                .as("a key waiting for approval obtains no token")
                .isEqualTo(401);

        ResponseEntity<String> selfApproved = approve("operator", "ppu", operatorsOwn);
        assertThat(selfApproved.getStatusCode().value()).isEqualTo(403);
        assertThat(Samples.json(selfApproved.getBody()).path("errors").findValuesAsText("field"))
                .contains("approver");
        assertThat(approve("signer-kukar", "ppu", operatorsOwn).getStatusCode().value())
                .as("another region's signer does not speak for PPU")
                .isEqualTo(403);
        assertThat(approve("admin", "ppu", operatorsOwn).getStatusCode().value())
                .isEqualTo(403);
        assertThat(token("ppu", operatorsOwn)).isEqualTo(401);

        ResponseEntity<String> approved = approve("signer-ppu", "ppu", operatorsOwn);
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(Samples.json(approved.getBody()).path("approvedBy").asText()).isEqualTo("signer-ppu");
        assertThat(token("ppu", operatorsOwn)).isEqualTo(200);
    }

    @Test
    void aSecondOperatorMayApproveWhatAnotherRegistered() {
        ECKey key = AgreementFixtures.generate("kukar-four-eyes-" + System.nanoTime());
        assertThat(register("operator", "kukar", key).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> approved = approve(SECOND_OPERATOR, "kukar", key);
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(token("kukar", key)).isEqualTo(200);
    }

    @Test
    void thePersonWhoRegisteredAKeyNeverApprovesItWhateverTheirRoles() {
        JdbcUserDetailsManager accounts = context.getBean(JdbcUserDetailsManager.class);
        String both = "operator-and-signer-ppu";
        if (!accounts.userExists(both)) {
            accounts.createUser(User.withUsername(both)
                    .password("{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestCredentials.password(both)))
                    .authorities(
                            new SimpleGrantedAuthority(Role.OPERATOR.authority()),
                            new SimpleGrantedAuthority(Role.SIGNER.authority()),
                            new SimpleGrantedAuthority(Caller.PARTY_PREFIX + "ppu"))
                    .build());
        }
        ECKey key = AgreementFixtures.generate("ppu-one-person-" + System.nanoTime());
        assertThat(register(both, "ppu", key).getStatusCode().value()).isEqualTo(201);
        assertThat(approve(both, "ppu", key).getStatusCode().value()).isEqualTo(403);
        assertThat(token("ppu", key)).isEqualTo(401);
    }

    @Test
    void aPublicKeyBelongsToOneParticipantAndOnePurpose() {
        ECKey key = AgreementFixtures.generate("shared-" + System.nanoTime());
        assertThat(register("operator", "ppu", key).getStatusCode().value()).isEqualTo(201);
        assertThat(register("operator", "ppu", key).getStatusCode().value())
                .as("registering it again changes nothing")
                .isEqualTo(201);

        ResponseEntity<String> forKukar = register("operator", "kukar", key);
        assertThat(forKukar.getStatusCode().value()).isEqualTo(409);
        assertThat(forKukar.getBody()).contains("key-in-use").contains("another participant");
        ECKey sameUnderAnotherKid =
                new ECKey.Builder(key).keyID("renamed-" + System.nanoTime()).build();
        assertThat(register("operator", "kukar", sameUnderAnotherKid)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(as(
                                "signer-ppu",
                                HttpMethod.POST,
                                "/api/v1/participants/ppu/keys",
                                key.toPublicJWK().toJSONString())
                        .getStatusCode()
                        .value())
                .as("nor as PPU's signing key")
                .isEqualTo(409);

        // Revoked, it still belongs to PPU: a retired key is never handed to another participant.
        assertThat(as("operator", HttpMethod.DELETE, "/api/v1/participants/ppu/client-keys/" + key.getKeyID(), null)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(register("operator", "kukar", sameUnderAnotherKid)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void everyRegistrationApprovalAndRevocationIsRecorded() {
        ECKey key = AgreementFixtures.generate("jakarta-trail-" + System.nanoTime());
        register("operator", "jakarta", key);
        approve("signer-jakarta", "jakarta", key);
        as("signer-jakarta", HttpMethod.DELETE, "/api/v1/participants/jakarta/client-keys/" + key.getKeyID(), null);
        assertThat(token("jakarta", key)).as("revoked").isEqualTo(401);

        ResponseEntity<String> trail = as("auditor", HttpMethod.GET, "/api/v1/participants/jakarta/key-events", null);
        assertThat(trail.getStatusCode().value()).as(trail.getBody()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        for (JsonNode event : Samples.json(trail.getBody())) {
            if (event.path("kid").asText().equals(key.getKeyID())) {
                events.add(event.path("type").asText() + " by "
                        + event.path("actor").asText());
            }
        }
        assertThat(events)
                .containsExactly("REGISTERED by operator", "APPROVED by signer-jakarta", "REVOKED by signer-jakarta");
        assertThat(as("signer-kukar", HttpMethod.GET, "/api/v1/participants/jakarta/key-events", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }
}
