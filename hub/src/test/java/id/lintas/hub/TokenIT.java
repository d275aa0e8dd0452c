package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A region's system obtains a short-lived token with the client-credentials grant and a
 * {@code private_key_jwt} assertion signed with its registered client key, and the hub checks the
 * token on every call. Assertions signed with anything else, replayed, or naming another participant are
 * refused; a token that was changed is refused.
 */
class TokenIT extends HubIntegrationTest {

    @Test
    void aRegisteredClientKeyObtainsAShortLivedTokenThatSpeaksForItsParticipant() throws Exception {
        ECKey key = credentials.clientKey("ppu");
        HttpResponse<String> answer = credentials.requestToken("ppu", credentials.assertion("ppu", key, UUID.randomUUID().toString()));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode token = Samples.json(answer.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isBetween(60L, 300L);
        SignedJWT jwt = SignedJWT.parse(token.path("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("ppu");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("participant")).isEqualTo("ppu");
    }

    @Test
    void refusesAssertionsSignedWithAnUnregisteredOrSigningKeyOrForAnotherParticipant() {
        ECKey unregistered = AgreementFixtures.generate("ppu-unregistered");
        assertThat(credentials.requestToken("ppu", credentials.assertion("ppu", unregistered, UUID.randomUUID().toString())).statusCode())
                .isEqualTo(401);

        // A signing key (for agreements) is no client key.
        ECKey signing = AgreementFixtures.key("ppu");
        agreements.registerKey("ppu", signing);
        assertThat(credentials.requestToken("ppu", credentials.assertion("ppu", signing, UUID.randomUUID().toString())).statusCode())
                .isEqualTo(401);

        // Kukar's key cannot obtain a token for PPU.
        ECKey kukar = credentials.clientKey("kukar");
        assertThat(credentials.requestToken("ppu", credentials.assertion("ppu", kukar, UUID.randomUUID().toString())).statusCode())
                .isEqualTo(401);
        assertThat(credentials.requestToken("no-such-region", credentials.assertion("no-such-region", kukar,
                UUID.randomUUID().toString())).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAReplayedAssertion() {
        String assertion = credentials.assertion("kukar", credentials.clientKey("kukar"), UUID.randomUUID().toString());
        assertThat(credentials.requestToken("kukar", assertion).statusCode()).isEqualTo(200);
        assertThat(credentials.requestToken("kukar", assertion).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAChangedOrMissingToken() {
        String token = credentials.bearer("kukar");
        String[] parts = token.substring("Bearer ".length()).split("\\.");
        String forged = "Bearer " + parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"ppu\",\"participant\":\"ppu\",\"exp\":4102444800}".getBytes()) + "." + parts[2];
        for (String authorization : new String[] {forged, "Bearer not-a-token", ""}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            if (!authorization.isEmpty()) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            } else {
                headers.set(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes()));
            }
            ResponseEntity<String> answer = http.exchange("/api/v1/participants/ppu/status", HttpMethod.POST,
                    new HttpEntity<>("{}", headers), String.class);
            assertThat(answer.getStatusCode().value()).as(authorization).isEqualTo(401);
        }
    }
}
