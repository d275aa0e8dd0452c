package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One hub for all flow tests: real embedded PostgreSQL and Artemis in a temporary data directory,
 * real HTTP, and WireMock standing in for Kukar's server (never for the hub's own parts).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    protected static final Path DATA_DIR;
    protected static final WireMockServer KUKAR;
    /** Prabumulih's Satu Layanan server (and the agencies behind its one-door service, by path). */
    protected static final WireMockServer PRABUMULIH;
    /** Jakarta's FHIR server: a real HAPI server, so transactions are really processed and can be read back. */
    protected static final id.lintas.hub.fhirserver.JakartaFhirServer JAKARTA;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("lintas-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KUKAR = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        KUKAR.start();
        KukarStubs.answerNormally(KUKAR);
        Runtime.getRuntime().addShutdownHook(new Thread(KUKAR::stop));
        PRABUMULIH = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        PRABUMULIH.start();
        PRABUMULIH.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/.*"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(201)));
        Runtime.getRuntime().addShutdownHook(new Thread(PRABUMULIH::stop));
        JAKARTA = new id.lintas.hub.fhirserver.JakartaFhirServer();
        Runtime.getRuntime().addShutdownHook(new Thread(JAKARTA::close));
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("lintas.data-dir", DATA_DIR::toString);
        registry.add("lintas.participants.kukar.endpoint", () -> "http://127.0.0.1:" + KUKAR.port() + "/kukar");
        registry.add("lintas.participants.jakarta.endpoint", JAKARTA::baseUrl);
        for (String agency : List.of("prabumulih", "prabumulih-polres", "prabumulih-kejari", "prabumulih-psikiater")) {
            registry.add(
                    "lintas.participants." + agency + ".endpoint",
                    () -> "http://127.0.0.1:" + PRABUMULIH.port() + "/" + agency);
        }
    }

    @Autowired
    protected TestRestTemplate http;

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    protected AgreementFixtures agreements;

    @Autowired
    protected org.springframework.context.ApplicationContext context;

    /** The test accounts and participants' client keys of this hub (see {@link TestCredentials}). */
    protected TestCredentials credentials;

    /** Every flow runs under the signed Kukar–PPU agreement, registered through the API like an administrator would. */
    @org.junit.jupiter.api.BeforeEach
    void kukarPpuAgreementInForce() {
        credentials = TestCredentials.of("http://localhost:" + port, context);
        var interceptors = http.getRestTemplate().getInterceptors();
        if (interceptors.isEmpty()) {
            interceptors.add(credentials.interceptor());
        }
        agreements = new AgreementFixtures("http://127.0.0.1:" + port, credentials);
        agreements.activate(AgreementFixtures.example("pks-kukar-ppu-2024"));
    }

    @Autowired
    protected JdbcClient jdbc;

    protected ResponseEntity<String> postKukar(String what, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/v1/participants/kukar/" + what, new HttpEntity<>(body, headers), String.class);
    }

    /** A call with exactly these credentials (none when null), whatever it answers: for refusals and other roles. */
    protected ResponseEntity<String> exchange(
            String authorization, org.springframework.http.HttpMethod method, String path, String body) {
        org.springframework.web.client.RestClient.RequestBodySpec request =
                org.springframework.web.client.RestClient.builder()
                        .baseUrl("http://localhost:" + port)
                        .defaultStatusHandler(status -> true, (req, response) -> {})
                        .build()
                        .method(method)
                        .uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    protected static Path samples(String region) {
        return Path.of(System.getProperty("lintas.shared.dir", "../../shared"), "domain", "regions", region, "samples");
    }

    static String sample(String region, String name) {
        try {
            return Files.readString(samples(region).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Path inbox(String participant) {
        return DATA_DIR.resolve("files").resolve("inbox").resolve(participant);
    }

    protected static Path outbox(String participant) {
        return DATA_DIR.resolve("files").resolve("outbox").resolve(participant);
    }

    /** Drops a file the way PPU does: write {@code X.csv.tmp}, then rename to {@code X.csv}. */
    protected static void drop(String participant, String fileName, byte[] content) {
        try {
            Path dir = inbox(participant);
            Files.createDirectories(dir);
            Path temp = dir.resolve(fileName + ".tmp");
            Files.write(temp, content);
            Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static List<Path> outboxFiles(String participant, String prefix) {
        Path dir = outbox(participant);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Path archive(String participant) {
        return DATA_DIR.resolve("files").resolve("archive").resolve(participant);
    }

    protected static Path errorFolder(String participant) {
        return DATA_DIR.resolve("files").resolve("error").resolve(participant);
    }

    protected static Path awaitOutboxFile(String participant, String prefix) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !outboxFiles(participant, prefix).isEmpty());
        return outboxFiles(participant, prefix).get(0);
    }

    /** The referrals Kukar's webhook received for this hub referral id, oldest first. */
    protected static List<LoggedRequest> kukarReferralsFor(String hubReferralId) {
        return KUKAR.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))
                .withRequestBody(matchingJsonPath("$.id_rujukan_hub", equalTo(hubReferralId))));
    }

    protected static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
