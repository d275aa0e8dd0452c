package id.lintas.hub.account;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.hub.LintasHubApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The first account of a real deployment: {@code users add} on an empty database (the embedded one of a
 * new data directory, and an external PostgreSQL) starts only the database, creates the administrator
 * and exits; a hub started on that database then lets the administrator create an operator, who logs in.
 */
class UsersCommandIT {

    private record Run(int status, String out, String err) {}

    private static Run users(String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = UsersCommand.run(
                args,
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsTheFirstAdministratorInANewEmbeddedDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("lintas-users-");
        Run created = users(
                "first admin password",
                "users",
                "add",
                "--username",
                "kepala-it",
                "--role",
                "ADMIN",
                "--password-stdin",
                "--lintas.data-dir=" + dataDir);
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created account kepala-it with roles ADMIN");
        try (Stream<Path> made = Files.list(dataDir)) {
            assertThat(made.map(p -> p.getFileName().toString()))
                    .as("only the database was started")
                    .contains("postgres", "security")
                    .doesNotContain("artemis", "files");
        }
        Run again = users(
                "first admin password",
                "users",
                "add",
                "--username",
                "kepala-it",
                "--role",
                "ADMIN",
                "--password-stdin",
                "--lintas.data-dir=" + dataDir);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("username: an account with this name exists");

        try (ConfigurableApplicationContext hub = hub(41, "--lintas.data-dir=" + dataDir)) {
            firstAdministratorCreatesAnOperator(hub, "kepala-it", "first admin password");

            Run whileRunning = users(
                    "second admin password",
                    "users",
                    "add",
                    "--username",
                    "wakil-it",
                    "--role",
                    "ADMIN",
                    "--password-stdin",
                    "--lintas.data-dir=" + dataDir);
            assertThat(whileRunning.status()).isEqualTo(1);
            assertThat(whileRunning.err()).contains("stop the hub first");
            assertThat(hub.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("select count(*) from users")
                            .query(Integer.class)
                            .single())
                    .as("the running hub's database was left alone")
                    .isEqualTo(2);
            // The account the command made is on record in the audit log, like one an administrator makes.
            assertThat(hub.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("select convert_from(entry, 'UTF8') from audit_entry where kind = 'ACCOUNT_CHANGED'"
                                    + " union all select convert_from(entry, 'UTF8') from audit_pending")
                            .query(String.class)
                            .list())
                    .anySatisfy(entry -> assertThat(entry)
                            .contains("\"account\":\"kepala-it\"")
                            .contains("\"change\":\"CREATED\"")
                            .contains("\"account\":\"command-line\"")
                            .doesNotContain("first admin password"));
        }
    }

    @Test
    void createsTheFirstAdministratorInAnEmptyExternalDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("lintas-users-external-");
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            String url = "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres");
            Run created = users(
                    "external admin password",
                    "users",
                    "add",
                    "--username=admin-dinas",
                    "--role=ADMIN",
                    "--password-stdin",
                    url,
                    "--spring.datasource.username=postgres",
                    "--lintas.data-dir=" + dataDir);
            assertThat(created.status()).as(created.err()).isZero();
            assertThat(Files.exists(dataDir.resolve("postgres")))
                    .as("no embedded database")
                    .isFalse();
            try (var connection = database.getPostgresDatabase().getConnection();
                    var result = connection
                            .createStatement()
                            .executeQuery(
                                    "select password, (select actor from account_event where username = 'admin-dinas') from users"
                                            + " where username = 'admin-dinas'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).startsWith("{bcrypt}");
                assertThat(result.getString(2)).isEqualTo(UsersCommand.ACTOR);
            }
            try (ConfigurableApplicationContext hub =
                    hub(42, "--lintas.data-dir=" + dataDir, url, "--spring.datasource.username=postgres")) {
                firstAdministratorCreatesAnOperator(hub, "admin-dinas", "external admin password");
            }
        }
    }

    @Test
    void refusesWhatTheHubWouldRefuseWithoutStartingAnything() throws Exception {
        Path dataDir = Files.createTempDirectory("lintas-users-refused-");
        Run signer = users(
                "a long enough password",
                "users",
                "add",
                "--username",
                "ttd",
                "--role",
                "SIGNER",
                "--password-stdin",
                "--lintas.data-dir=" + dataDir);
        assertThat(signer.status()).isEqualTo(1);
        assertThat(signer.err()).contains("party: required for a signer");
        Run shortPassword = users(
                "short",
                "users",
                "add",
                "--username",
                "ops",
                "--role",
                "OPERATOR",
                "--password-stdin",
                "--lintas.data-dir=" + dataDir);
        assertThat(shortPassword.err()).contains("password: at least 12 characters");
        Run noStdin = users(
                "a long enough password",
                "users",
                "add",
                "--username",
                "ops",
                "--role",
                "OPERATOR",
                "--lintas.data-dir=" + dataDir);
        assertThat(noStdin.status()).isEqualTo(2);
        try (Stream<Path> made = Files.list(dataDir)) {
            assertThat(made).isEmpty();
        }
    }

    private static ConfigurableApplicationContext hub(int brokerId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // A broker of its own beside the shared test hub's in this JVM.
                "--spring.artemis.embedded.server-id=" + brokerId));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(LintasHubApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static void firstAdministratorCreatesAnOperator(
            ConfigurableApplicationContext hub, String admin, String password) {
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        RestClient client = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        ResponseEntity<String> operator = client.post()
                .uri("/api/v1/accounts")
                .header(HttpHeaders.AUTHORIZATION, basic(admin, password))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"operator-1\",\"password\":\"operator password\",\"roles\":[\"OPERATOR\"]}")
                .retrieve()
                .toEntity(String.class);
        assertThat(operator.getStatusCode().value()).as(operator.getBody()).isEqualTo(201);
        ResponseEntity<String> deliveries = client.get()
                .uri("/api/v1/deliveries?state=DEAD")
                .header(HttpHeaders.AUTHORIZATION, basic("operator-1", "operator password"))
                .retrieve()
                .toEntity(String.class);
        assertThat(deliveries.getStatusCode().value()).as(deliveries.getBody()).isEqualTo(200);
        ResponseEntity<String> adminOnDeliveries = client.get()
                .uri("/api/v1/deliveries?state=DEAD")
                .header(HttpHeaders.AUTHORIZATION, basic(admin, password))
                .retrieve()
                .toEntity(String.class);
        assertThat(adminOnDeliveries.getStatusCode().value())
                .as("the administrator is not an operator")
                .isEqualTo(403);
    }

    private static String basic(String account, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
