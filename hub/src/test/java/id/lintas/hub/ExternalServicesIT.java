package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The same application, configured only by properties, runs against a PostgreSQL and an Artemis
 * broker it does not start itself (here started by the test, reached over TCP like any server).
 */
class ExternalServicesIT {

    @Test
    void hubUsesTheConfiguredDatabaseAndBrokerInsteadOfEmbeddedOnes() throws Exception {
        Path dataDir = Files.createTempDirectory("lintas-external-");
        int brokerPort = freePort();
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(brokerConfiguration(brokerPort));
            broker.start();
            try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(LintasHubApplication.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--lintas.data-dir=" + dataDir,
                            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--spring.artemis.mode=native",
                            "--spring.artemis.embedded.enabled=false",
                            "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort)) {
                int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
                TestCredentials credentials = TestCredentials.of("http://localhost:" + port, hub);
                new AgreementFixtures("http://127.0.0.1:" + port, credentials)
                        .activate(AgreementFixtures.example("pks-kukar-ppu-2024"));
                String answer = RestClient.builder()
                        .baseUrl("http://127.0.0.1:" + port)
                        .requestInterceptor(credentials.interceptor())
                        .build()
                        .post()
                        .uri("/api/v1/participants/kukar/referrals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(HubIntegrationTest.sample("kukar-json", "referral-tppo-to-ppu.json"))
                        .retrieve()
                        .body(String.class);
                String id = Samples.json(answer).get("referralId").asText();

                Path outbox = dataDir.resolve("files").resolve("outbox").resolve("ppu");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> Files.exists(outbox.resolve("RUJUKAN_MASUK_" + id + ".csv")));
                Queue deliveries = broker.getActiveMQServer()
                        .locateQueue(SimpleString.of(Endpoints.RECEIVER_QUEUE_PREFIX + "ppu"));
                assertThat(deliveries.getMessagesAdded())
                        .as("deliveries went through the external broker")
                        .isPositive();
                try (var connection = database.getPostgresDatabase().getConnection();
                        var result = connection
                                .createStatement()
                                .executeQuery("select count(*) from referral where id = '" + id + "'")) {
                    result.next();
                    assertThat(result.getInt(1))
                            .as("recorded in the external database")
                            .isEqualTo(1);
                }
                try (Stream<Path> made = Files.list(dataDir)) {
                    assertThat(made.map(p -> p.getFileName().toString()))
                            .as("no embedded database or broker was started")
                            .doesNotContain("postgres", "artemis");
                }
            } finally {
                broker.stop();
            }
        }
    }

    private static Configuration brokerConfiguration(int port) throws Exception {
        return new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port)
                .addAddressSetting(
                        Endpoints.RECEIVER_QUEUES_MATCH,
                        new AddressSettings()
                                .setRedeliveryDelay(200)
                                .setMaxDeliveryAttempts(4)
                                .setDeadLetterAddress(SimpleString.of(Endpoints.DELIVERY_DLQ_NAME)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
