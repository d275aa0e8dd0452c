package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A region's system obtains a short-lived token with the client-credentials grant and a
 * {@code private_key_jwt} assertion signed with its registered client key, and the hub checks the
 * token on every call. Assertions signed with anything else, replayed, living longer than five minutes,
 * issued in the future, or naming another participant are refused; a token that was changed, or names
 * another issuer, is refused. The issuer is configuration, never the request's Host, and the embedded
 * authorization server serves nothing but its token endpoint.
 */
class TokenIT extends HubIntegrationTest {

    /** The participant whose assertions the refusals below are made for (each failure counts for its client). */
    private static final String REFUSED = "prabumulih-kejari";

    @Test
    void aRegisteredClientKeyObtainsAShortLivedTokenThatSpeaksForItsParticipant() throws Exception {
        ECKey key = credentials.clientKey("ppu");
        HttpResponse<String> answer = credentials.requestToken(
                "ppu", credentials.assertion("ppu", key, UUID.randomUUID().toString()));

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
        assertThat(credentials
                        .requestToken(
                                "ppu",
                                credentials.assertion(
                                        "ppu", unregistered, UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(401);

        // A signing key (for agreements) is no client key.
        ECKey signing = AgreementFixtures.key("ppu");
        agreements.registerKey("ppu", signing);
        assertThat(credentials
                        .requestToken(
                                "ppu",
                                credentials.assertion(
                                        "ppu", signing, UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(401);

        // Kukar's key cannot obtain a token for PPU.
        ECKey kukar = credentials.clientKey("kukar");
        assertThat(credentials
                        .requestToken(
                                "ppu",
                                credentials.assertion(
                                        "ppu", kukar, UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(credentials
                        .requestToken(
                                "no-such-region",
                                credentials.assertion(
                                        "no-such-region",
                                        kukar,
                                        UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesAReplayedAssertion() {
        String assertion = credentials.assertion(
                "kukar", credentials.clientKey("kukar"), UUID.randomUUID().toString());
        assertThat(credentials.requestToken("kukar", assertion).statusCode()).isEqualTo(200);
        assertThat(credentials.requestToken("kukar", assertion).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAChangedOrMissingToken() {
        String token = credentials.bearer("kukar");
        String[] parts = token.substring("Bearer ".length()).split("\\.");
        String forged = "Bearer " + parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"sub\":\"ppu\",\"participant\":\"ppu\",\"exp\":4102444800}".getBytes())
                + "." + parts[2];
        for (String authorization : new String[] {forged, "Bearer not-a-token", ""}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            if (!authorization.isEmpty()) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            } else {
                headers.set(
                        HttpHeaders.AUTHORIZATION,
                        "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes()));
            }
            ResponseEntity<String> answer = http.exchange(
                    "/api/v1/participants/ppu/status", HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
            assertThat(answer.getStatusCode().value()).as(authorization).isEqualTo(401);
        }
    }

    @Test
    void assertionLivingLongerThanFiveMinutesIsRefused() {
        ECKey key = credentials.clientKey(REFUSED);
        Instant now = Instant.now();
        for (Duration life : List.of(Duration.ofDays(3650), Duration.ofDays(365), Duration.ofMinutes(7))) {
            String assertion = credentials.assertion(
                    REFUSED, key, UUID.randomUUID().toString(), credentials.tokenEndpoint(), now, now.plus(life));
            assertThat(credentials.requestToken(REFUSED, assertion).statusCode())
                    .as("exp in " + life)
                    .isEqualTo(401);
        }
        String fiveMinutes = credentials.assertion(
                REFUSED,
                key,
                UUID.randomUUID().toString(),
                credentials.tokenEndpoint(),
                now,
                now.plus(Duration.ofMinutes(5)));
        assertThat(credentials.requestToken(REFUSED, fiveMinutes).statusCode()).isEqualTo(200);
    }

    @Test
    void assertionIssuedInTheFutureIsRefused() {
        ECKey key = credentials.clientKey(REFUSED);
        Instant now = Instant.now();
        String anHourAhead = credentials.assertion(
                REFUSED,
                key,
                UUID.randomUUID().toString(),
                credentials.tokenEndpoint(),
                now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofMinutes(4)));
        assertThat(credentials.requestToken(REFUSED, anHourAhead).statusCode()).isEqualTo(401);
        String slightlyAhead = credentials.assertion(
                REFUSED,
                key,
                UUID.randomUUID().toString(),
                credentials.tokenEndpoint(),
                now.plusSeconds(20),
                now.plus(Duration.ofMinutes(2)));
        assertThat(credentials.requestToken(REFUSED, slightlyAhead).statusCode())
                .as("a small clock skew is allowed")
                .isEqualTo(200);
    }

    @Test
    void issuerNeverComesFromHostHeader() throws Exception {
        ECKey key = credentials.clientKey(REFUSED);
        Instant now = Instant.now();
        String forEvil = credentials.assertion(
                REFUSED,
                key,
                UUID.randomUUID().toString(),
                "http://evil.example/oauth2/token",
                now,
                now.plusSeconds(60));
        assertThat(postToken("evil.example", REFUSED, forEvil)).startsWith("HTTP/1.1 401");

        // A proper assertion sent with that Host still gets a token naming the configured issuer.
        String answer = postToken(
                "evil.example",
                REFUSED,
                credentials.assertion(REFUSED, key, UUID.randomUUID().toString()));
        assertThat(answer).startsWith("HTTP/1.1 200");
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer);
        assertThat(token.find()).as(answer).isTrue();
        assertThat(SignedJWT.parse(token.group(1)).getJWTClaimsSet().getIssuer())
                .isEqualTo(credentials.issuer());
    }

    @Test
    void tokenNamingAnotherIssuerIsRefusedEvenWithTheHubsSignature() throws Exception {
        JWK hubKey = JWK.parse(Files.readString(DATA_DIR.resolve("security").resolve("token-signing.jwk.json")));
        String path = "/api/v1/referrals?participant=kukar";
        assertThat(get(path, "Bearer " + hubToken(hubKey, "http://evil.example"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(get(path, "Bearer " + hubToken(hubKey, credentials.issuer()))
                        .getStatusCode()
                        .value())
                .as("the same token naming the hub's issuer is accepted")
                .isEqualTo(200);
    }

    @Test
    void authorizeEndpointIsNotFound() throws Exception {
        HttpResponse<String> authorize = raw(
                "GET",
                "/oauth2/authorize?response_type=code&client_id=kukar"
                        + "&redirect_uri=http%3A%2F%2Fevil.example%2Fcallback&scope=referrals&state=x");
        assertThat(authorize.statusCode()).isEqualTo(404);
        assertThat(authorize.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void onlyTheTokenEndpointIsServed() throws Exception {
        for (String[] endpoint : new String[][] {
            {"GET", "/.well-known/oauth-authorization-server"},
            {"GET", "/oauth2/jwks"},
            {"POST", "/oauth2/introspect"},
            {"POST", "/oauth2/revoke"},
            {"POST", "/oauth2/device_authorization"},
            {"POST", "/oauth2/par"},
            {"GET", "/oauth2/device_verification"}
        }) {
            assertThat(raw(endpoint[0], endpoint[1]).statusCode())
                    .as(endpoint[1])
                    .isEqualTo(404);
        }
    }

    @Test
    void issuedTokensAreNotKept() {
        credentials.requestToken(
                "kukar",
                credentials.assertion(
                        "kukar",
                        credentials.clientKey("kukar"),
                        UUID.randomUUID().toString()));
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'oauth2_authorization'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private ResponseEntity<String> get(String path, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String hubToken(JWK hubKey, String issuer) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("kukar")
                .claim("participant", "kukar")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(hubKey.getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(hubKey.toECKey()));
        return jwt.serialize();
    }

    private HttpResponse<String> raw(String method, String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .method(
                                        method,
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                method.equals("POST") ? "token=x" : ""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The token request as bytes on a socket: Java's HTTP clients do not let a caller set {@code Host}. */
    private String postToken(String host, String participant, String assertion) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + participant
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("POST /oauth2/token HTTP/1.1\r\nHost: " + host + "\r\n"
                                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                    + form.length() + "\r\n"
                                    + "Connection: close\r\n\r\n" + form)
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
