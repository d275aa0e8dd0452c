package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.security.Caller;
import id.lintas.hub.security.ClientAssertion;
import id.lintas.hub.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Mutual TLS by configuration: a hub on HTTPS that asks for client certificates and binds them to
 * participants. A region's system gets a token and calls the hub only with its own certificate (common
 * name = participant id); another region's certificate, or none, is refused. People are not asked for
 * one. Certificates are made for the test with the JDK's keytool.
 */
class MutualTlsIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        keytool(
                "-genkeypair",
                "-alias",
                "hub",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                "hub.p12");
        keytool("-exportcert", "-alias", "hub", "-keystore", "hub.p12", "-file", "hub.cer");
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", "hub.cer", "-keystore", "client-trust.p12");
        for (String participant : List.of("kukar", "ppu")) {
            keytool(
                    "-genkeypair",
                    "-alias",
                    participant,
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=" + participant,
                    "-validity",
                    "2",
                    "-keystore",
                    participant + ".p12");
            keytool(
                    "-exportcert",
                    "-alias",
                    participant,
                    "-keystore",
                    participant + ".p12",
                    "-file",
                    participant + ".cer");
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    participant,
                    "-file",
                    participant + ".cer",
                    "-keystore",
                    "hub-trust.p12");
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static HttpClient client(String certificate) throws Exception {
        KeyManagerFactory keys = null;
        if (certificate != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(certificate + ".p12"))) {
                store.load(in, PASSWORD.toCharArray());
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("client-trust.p12"))) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse<String> post(
            HttpClient client, String url, String contentType, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpClient client, String base, String issuer, String participant, ECKey key)
            throws Exception {
        String assertion = ClientAssertion.create(participant, key, issuer + "/oauth2/token", Duration.ofMinutes(1));
        HttpResponse<String> answer = post(
                client,
                base + "/oauth2/token",
                "application/x-www-form-urlencoded",
                null,
                "grant_type=client_credentials&client_id=" + participant
                        + "&client_assertion_type="
                        + URLEncoder.encode(
                                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion);
        return answer.statusCode() == 200
                ? Samples.json(answer.body()).path("access_token").asText()
                : "refused:" + answer.statusCode();
    }

    @Test
    void aRegionSystemNeedsItsOwnCertificateForTokensAndCallsWhilePeopleDoNot() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(LintasHubApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--lintas.data-dir=" + dir.resolve("data"),
                        "--spring.artemis.embedded.server-id=8",
                        "--server.ssl.enabled=true",
                        "--server.ssl.key-store=" + dir.resolve("hub.p12"),
                        "--server.ssl.key-store-password=" + PASSWORD,
                        "--server.ssl.key-store-type=PKCS12",
                        "--server.ssl.client-auth=want",
                        "--server.ssl.trust-store=" + dir.resolve("hub-trust.p12"),
                        "--server.ssl.trust-store-password=" + PASSWORD,
                        "--server.ssl.trust-store-type=PKCS12",
                        "--lintas.security.mtls-required=true")) {
            String base = "https://localhost:"
                    + ((WebServerApplicationContext) hub).getWebServer().getPort();
            String issuer = hub.getBean(AuthorizationServerSettings.class).getIssuer();
            hub.getBean(JdbcUserDetailsManager.class)
                    .createUser(User.withUsername("operator")
                            .password("{bcrypt}" + new BCryptPasswordEncoder(4).encode("tls-operator"))
                            .authorities(new SimpleGrantedAuthority(Role.OPERATOR.authority()))
                            .build());
            hub.getBean(JdbcUserDetailsManager.class)
                    .createUser(User.withUsername("signer-kukar")
                            .password("{bcrypt}" + new BCryptPasswordEncoder(4).encode("tls-signer"))
                            .authorities(
                                    new SimpleGrantedAuthority(Role.SIGNER.authority()),
                                    new SimpleGrantedAuthority(Caller.PARTY_PREFIX + "kukar"))
                            .build());
            String operator = "Basic "
                    + Base64.getEncoder().encodeToString("operator:tls-operator".getBytes(StandardCharsets.UTF_8));
            String signer = "Basic "
                    + Base64.getEncoder().encodeToString("signer-kukar:tls-signer".getBytes(StandardCharsets.UTF_8));
            ECKey key = AgreementFixtures.generate("kukar-tls-client");

            // A person is not asked for a certificate.
            HttpResponse<String> registered = post(
                    client(null),
                    base + "/api/v1/participants/kukar/client-keys",
                    "application/json",
                    operator,
                    key.toPublicJWK().toJSONString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            HttpResponse<String> approved = post(
                    client(null),
                    base + "/api/v1/participants/kukar/client-keys/kukar-tls-client/approval",
                    "application/json",
                    signer,
                    "");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

            assertThat(token(client(null), base, issuer, "kukar", key)).isEqualTo("refused:403");
            assertThat(token(client("ppu"), base, issuer, "kukar", key)).isEqualTo("refused:403");
            String token = token(client("kukar"), base, issuer, "kukar", key);
            assertThat(token).doesNotStartWith("refused");

            String referral = HubIntegrationTest.sample("kukar-json", "referral-tppo-to-ppu.json");
            assertThat(post(
                                    client(null),
                                    base + "/api/v1/participants/kukar/referrals",
                                    "application/json",
                                    "Bearer " + token,
                                    referral)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(post(
                                    client("ppu"),
                                    base + "/api/v1/participants/kukar/referrals",
                                    "application/json",
                                    "Bearer " + token,
                                    referral)
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> accepted = post(
                    client("kukar"),
                    base + "/api/v1/participants/kukar/referrals",
                    "application/json",
                    "Bearer " + token,
                    referral);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
    }
}
