package id.lintas.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import id.lintas.hub.security.ClientAssertion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The regions' systems' access tokens: a one-minute {@code private_key_jwt} assertion signed with the
 * region's demo client key (read from the hub jar), whose audience is the hub's configured issuer,
 * exchanged at {@code /oauth2/token}; a token is renewed a minute before it runs out or when refused.
 */
public final class Tokens {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Token(String value, Instant renewAt) {}

    private final HttpClient http;
    private final String issuer;
    private final URI endpoint;
    private final Map<String, JWK> keys = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public Tokens(HttpClient http, String issuer, Path hubJar) throws IOException {
        this.http = http;
        this.issuer = issuer;
        this.endpoint = URI.create(issuer + "/oauth2/token");
        try (JarFile jar = new JarFile(hubJar.toFile())) {
            for (EntryPoint entry : EntryPoint.values()) {
                String participant = entry.sender();
                ZipEntry key = jar.getEntry("BOOT-INF/classes/demo/clients/" + participant + ".jwk.json");
                if (key == null) {
                    throw new IOException("the hub jar has no demo client key for " + participant);
                }
                try (InputStream in = jar.getInputStream(key)) {
                    keys.put(participant, JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (ParseException e) {
                    throw new IOException("the demo client key of " + participant + " is not a JWK", e);
                }
            }
        }
    }

    /** A valid token of the participant's system. */
    public String token(String participant) throws IOException, InterruptedException {
        Token token = tokens.get(participant);
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        String assertion = ClientAssertion.create(participant, keys.get(participant), issuer, Duration.ofMinutes(1));
        String form = "grant_type=client_credentials&client_id=" + participant
                + "&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("token endpoint answered " + answer.statusCode() + " for " + participant);
        }
        JsonNode body = json.readTree(answer.body());
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(300));
        Token fresh = new Token(
                body.path("access_token").asText(), Instant.now().plus(lifetime).minus(MARGIN));
        tokens.put(participant, fresh);
        return fresh.value();
    }

    public void invalidate(String participant) {
        tokens.remove(participant);
    }
}
