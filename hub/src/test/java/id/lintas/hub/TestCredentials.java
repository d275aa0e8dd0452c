package id.lintas.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.client.RestClient;

/**
 * The credentials of a test hub, obtained the way real callers obtain them: people's accounts (one per
 * role, and a signer per participant) and, per participant, a client key registered through the API by
 * the operator, approved by the participant's signer, and used for {@code private_key_jwt} at the real
 * token endpoint. Keys are generated for
 * the test run; nothing is shared with the demo.
 *
 * <p>{@link #interceptor} lets the flow tests keep calling the API as before: a request without an
 * {@code Authorization} header gets the credentials of whoever would make it (the path's participant,
 * the administrator for agreements, the signer named in a signature, the sender of a referral read back).
 */
public final class TestCredentials {

    public static final List<String> PARTICIPANTS = List.of(
            "kukar", "ppu", "jakarta", "prabumulih", "prabumulih-polres", "prabumulih-kejari", "prabumulih-psikiater");

    private static final Map<String, TestCredentials> BY_HUB = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARTICIPANT_PATH = Pattern.compile("/api/v1/participants/([^/]+)/(referrals|status)");
    private static final Pattern KEYS_PATH = Pattern.compile("/api/v1/participants/([^/]+)/keys(/.*)?");
    private static final Pattern REFERRAL_PATH = Pattern.compile("/api/v1/referrals/([0-9a-f-]{36})");

    private final String baseUrl;
    private final String issuer;
    private final JdbcClient jdbc;
    private final Map<String, ECKey> clientKeys = new ConcurrentHashMap<>();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();

    private TestCredentials(String baseUrl, String issuer, JdbcClient jdbc) {
        this.baseUrl = baseUrl;
        this.issuer = issuer;
        this.jdbc = jdbc;
    }

    /** The credentials of the hub at this URL, created once per hub. */
    public static TestCredentials of(String baseUrl, ApplicationContext hub) {
        return BY_HUB.computeIfAbsent(baseUrl, url -> {
            TestCredentials credentials = new TestCredentials(
                    url, hub.getBean(AuthorizationServerSettings.class).getIssuer(), hub.getBean(JdbcClient.class));
            credentials.createAccounts(hub.getBean(JdbcUserDetailsManager.class));
            return credentials;
        });
    }

    /** The password of a test account: {@code test-<account>}. */
    public static String password(String account) {
        return "test-" + account;
    }

    private void createAccounts(JdbcUserDetailsManager accounts) {
        // Cost 4 keeps the suite fast; the hub checks any bcrypt cost.
        BCryptPasswordEncoder fast = new BCryptPasswordEncoder(4);
        Map<String, List<String>> people = new java.util.LinkedHashMap<>();
        people.put("admin", List.of(Role.ADMIN.authority()));
        people.put("auditor", List.of(Role.AUDITOR.authority()));
        people.put("auditor-ppu", List.of(Role.AUDITOR.authority(), Caller.PARTY_PREFIX + "ppu"));
        people.put("auditor-prabumulih", List.of(Role.AUDITOR.authority(), Caller.PARTY_PREFIX + "prabumulih"));
        people.put("operator", List.of(Role.OPERATOR.authority()));
        for (String participant : PARTICIPANTS) {
            people.put("signer-" + participant, List.of(Role.SIGNER.authority(), Caller.PARTY_PREFIX + participant));
        }
        people.forEach((name, authorities) -> {
            if (!accounts.userExists(name)) {
                accounts.createUser(User.withUsername(name)
                        .password("{bcrypt}" + fast.encode(password(name)))
                        .authorities(authorities.stream()
                                .map(SimpleGrantedAuthority::new)
                                .toList())
                        .build());
            }
        });
    }

    public String basic(String account) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((account + ":" + password(account)).getBytes(StandardCharsets.UTF_8));
    }

    /** A bearer token of the participant's system, from the hub's token endpoint. */
    public String bearer(String participant) {
        String[] cached = tokens.get(participant);
        if (cached != null && Instant.parse(cached[1]).isAfter(Instant.now().plusSeconds(30))) {
            return "Bearer " + cached[0];
        }
        HttpResponse<String> answer = requestToken(
                participant,
                assertion(participant, clientKey(participant), UUID.randomUUID().toString()));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token for " + participant + ": " + answer.statusCode() + " " + answer.body());
        }
        try {
            JsonNode token = JSON.readTree(answer.body());
            tokens.put(participant, new String[] {
                token.path("access_token").asText(),
                Instant.now().plusSeconds(token.path("expires_in").asLong()).toString()
            });
            return "Bearer " + token.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The participant's client key, registered by the operator and approved by its signer at first use. */
    public ECKey clientKey(String participant) {
        return clientKeys.computeIfAbsent(participant, p -> {
            ECKey key = AgreementFixtures.generate(p + "-test-client-" + System.nanoTime());
            var answer = RestClient.create(baseUrl)
                    .post()
                    .uri("/api/v1/participants/{p}/client-keys", p)
                    .header(HttpHeaders.AUTHORIZATION, basic("operator"))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(key.toPublicJWK().toJSONString())
                    .retrieve()
                    .toEntity(String.class);
            if (answer.getStatusCode().value() != 201) {
                throw new IllegalStateException("client key of " + p + " not registered: " + answer.getBody());
            }
            var approved = RestClient.create(baseUrl)
                    .post()
                    .uri("/api/v1/participants/{p}/client-keys/{kid}/approval", p, key.getKeyID())
                    .header(HttpHeaders.AUTHORIZATION, basic("signer-" + p))
                    .retrieve()
                    .toEntity(String.class);
            if (approved.getStatusCode().value() != 200) {
                throw new IllegalStateException("client key of " + p + " not approved: " + approved.getBody());
            }
            return key;
        });
    }

    /** The hub's issuer (configuration of the test profile). */
    public String issuer() {
        return issuer;
    }

    /** The audience of client assertions: the token endpoint under the hub's issuer. */
    public String tokenEndpoint() {
        return issuer + "/oauth2/token";
    }

    /** A {@code private_key_jwt} client assertion as a region's system makes it: valid one minute. */
    public String assertion(String participant, ECKey key, String jti) {
        Instant now = Instant.now();
        return assertion(participant, key, jti, tokenEndpoint(), now, now.plusSeconds(60));
    }

    /** A client assertion with the given audience, issue time ({@code iat}) and expiry ({@code exp}). */
    public String assertion(
            String participant, ECKey key, String jti, String audience, Instant issuedAt, Instant expiresAt) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(participant)
                    .subject(participant)
                    .audience(audience)
                    .jwtID(jti)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a client-credentials token request with the given assertion. */
    public HttpResponse<String> requestToken(String participant, String assertion) {
        String form = "grant_type=client_credentials&client_id=" + enc(participant)
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion);
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Adds the credentials of whoever would make the request, unless it carries its own. */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                who(request.getMethod(), request.getURI(), body)
                        .ifPresent(authorization -> request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization));
            }
            return execution.execute(request, body);
        };
    }

    private Optional<String> who(HttpMethod method, URI uri, byte[] body) {
        String path = uri.getPath();
        Matcher m = PARTICIPANT_PATH.matcher(path);
        if (m.matches()) {
            return Optional.of(bearer(m.group(1)));
        }
        if (path.startsWith("/api/v1/participants/")
                && (path.contains("/client-keys") || path.endsWith("/key-events"))) {
            return Optional.of(basic("operator"));
        }
        m = KEYS_PATH.matcher(path);
        if (m.matches()) {
            return Optional.of(HttpMethod.GET.equals(method) ? basic("admin") : basic("signer-" + m.group(1)));
        }
        if (path.equals("/fhir/$process-message")) {
            return Optional.of(bearer("jakarta"));
        }
        if (path.startsWith("/api/v1/agreements") && path.endsWith("/signatures")) {
            try {
                return Optional.of(basic(
                        "signer-" + JSON.readTree(body).path("participant").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (path.startsWith("/api/v1/agreements") || path.startsWith("/api/v1/routing")) {
            return Optional.of(basic("admin"));
        }
        if (path.startsWith("/api/v1/deliveries")
                || path.equals("/api/v1/referrals/overdue")
                || path.startsWith("/actuator")) {
            return Optional.of(basic("operator"));
        }
        m = REFERRAL_PATH.matcher(path);
        if (m.matches()) {
            return jdbc.sql("select sender_id from referral where id = ?::uuid")
                    .param(m.group(1))
                    .query(String.class)
                    .optional()
                    .map(this::bearer)
                    .or(() -> Optional.of(basic("operator")));
        }
        if (path.equals("/api/v1/referrals")
                && uri.getQuery() != null
                && uri.getQuery().startsWith("participant=")) {
            return Optional.of(
                    bearer(uri.getQuery().substring("participant=".length()).split("&")[0]));
        }
        return Optional.empty();
    }
}
