package id.lintas.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded defaults keep their data: a referral recorded and queued while Kukar is down is
 * still there after the hub restarts on the same data directory, and is then delivered.
 */
class RestartIT {

    private final WireMockServer kukar = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @AfterEach
    void stopKukar() {
        kukar.stop();
    }

    @Test
    void queuedDeliveryAndRecordSurviveARestart() throws IOException {
        Path dataDir = Files.createTempDirectory("lintas-restart-");
        kukar.start();
        kukar.stubFor(post(urlPathEqualTo(KukarStubs.REFERRALS))
                .willReturn(aResponse().withStatus(503)));

        String referralId;
        java.util.Set<String> bodiesBeforeRestart;
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) hub)
                    .getWebServer()
                    .getPort();
            new AgreementFixtures("http://127.0.0.1:" + port, TestCredentials.of("http://localhost:" + port, hub))
                    .activate(AgreementFixtures.example("pks-kukar-ppu-2024"));
            dropPpuFile(dataDir);
            JdbcClient jdbc = hub.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> kukar.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS)))
                                    .size()
                            >= 2);
            referralId = jdbc.sql("select id::text from referral where source_reference = 'PPU/UPTD/2025/117'")
                    .query(String.class)
                    .single();
            bodiesBeforeRestart = kukar.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))).stream()
                    .map(request -> request.getBodyAsString())
                    .collect(java.util.stream.Collectors.toSet());
        }

        kukar.resetAll();
        KukarStubs.answerNormally(kukar);
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            JdbcClient jdbc = hub.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from referral where id = ?::uuid")
                            .param(referralId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "DELIVERED"
                            .equals(jdbc.sql(
                                            "select state from delivery where referral_id = ?::uuid and kind = 'REFERRAL'")
                                    .param(referralId)
                                    .query(String.class)
                                    .single()));
            // The first hub rendered from the typed model its intake kept; this one has none kept and
            // renders from the stored Bundle: the receiver gets the same documents.
            assertThat(kukar.findAll(postRequestedFor(urlPathEqualTo(KukarStubs.REFERRALS))))
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(bodiesBeforeRestart).contains(request.getBodyAsString()));
        }
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LintasHubApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--lintas.data-dir=" + dataDir,
                        // A second broker in this JVM beside the shared test hub: its own in-VM id.
                        "--spring.artemis.embedded.server-id=7",
                        "--lintas.delivery.redelivery-delay=1s",
                        "--lintas.delivery.max-attempts=50",
                        "--lintas.participants.kukar.endpoint=http://127.0.0.1:" + kukar.port() + "/kukar");
    }

    private static void dropPpuFile(Path dataDir) throws IOException {
        Path inbox = dataDir.resolve("files").resolve("inbox").resolve("ppu");
        Files.createDirectories(inbox);
        Path sample = Path.of(
                System.getProperty("lintas.shared.dir", "../../shared"),
                "domain",
                "regions",
                "ppu-csv",
                "samples",
                "RUJUKAN_20250722_1600.csv");
        Path temp = inbox.resolve("RUJUKAN_20250722_1600.csv.tmp");
        Files.writeString(temp, Files.readString(sample, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Files.move(temp, inbox.resolve("RUJUKAN_20250722_1600.csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}
