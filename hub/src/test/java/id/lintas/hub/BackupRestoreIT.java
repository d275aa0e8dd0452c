package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * README "Operations → Backup and restore", performed: a referral recorded by one hub is read back,
 * decrypted, by a hub on a fresh data directory that got only the backup (the database's data and
 * a copy of {@code security/}). The embedded binaries carry no {@code pg_dump}, so the dump is the
 * same data-only dump made with SQL: every table of the hub's schema copied out with {@code COPY}
 * as the hub's role, and, after the fresh hub has created the schema at its first start, copied back
 * as the superuser with triggers (foreign keys) off, as {@code pg_restore --data-only
 * --disable-triggers} does, in one transaction.
 */
class BackupRestoreIT {

    private static final String CASE_NUMBER = "KKR/BACKUP/1";

    @Test
    void aFreshDataDirectoryWithTheSecurityFolderAndTheDumpReadsTheEncryptedFieldsBack() throws Exception {
        Path original = Files.createTempDirectory("lintas-backup-");
        Path dump = Files.createTempDirectory("lintas-dump-");
        String referralId;
        String tokenOfTheOldHub;
        try (ConfigurableApplicationContext hub = start(original)) {
            String base = baseUrl(hub);
            TestCredentials credentials = TestCredentials.of(base, hub);
            new AgreementFixtures(base, credentials).activate(AgreementFixtures.example("pks-kukar-ppu-2024"));
            tokenOfTheOldHub = credentials.bearer("kukar");
            String referral = Files.readString(sample(), StandardCharsets.UTF_8).replace("KKR/2025/0412", CASE_NUMBER);
            ResponseEntity<String> answer = RestClient.create(base)
                    .post()
                    .uri("/api/v1/participants/kukar/referrals")
                    .header(HttpHeaders.AUTHORIZATION, tokenOfTheOldHub)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(referral)
                    .retrieve()
                    .toEntity(String.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(202);
            referralId = Samples.json(answer.getBody()).get("referralId").asText();
            dumpData(original, dump);
        }
        // The victim's name and NIK are stored encrypted: the dump alone does not give them away.
        try (Stream<Path> files = Files.list(dump)) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.getFileName().toString())
                        .doesNotContain("Rina Marlina", "6409015203990002");
            }
        }

        Path fresh = Files.createTempDirectory("lintas-restored-");
        copyTree(original.resolve("security"), fresh.resolve("security"));
        try (ConfigurableApplicationContext hub = start(fresh)) {
            restoreData(fresh, dump);
        }
        // Started again after the restore, as the README says, so nothing cached predates the data.
        try (ConfigurableApplicationContext hub = start(fresh)) {
            String base = baseUrl(hub);
            RestClient api = RestClient.builder()
                    .baseUrl(base)
                    .defaultStatusHandler(status -> true, (request, response) -> {})
                    .build();
            // The token signing key came back with security/: a token the old hub issued is still good.
            ResponseEntity<String> read = api.get()
                    .uri("/api/v1/referrals/{id}", referralId)
                    .header(HttpHeaders.AUTHORIZATION, tokenOfTheOldHub)
                    .retrieve()
                    .toEntity(String.class);
            assertThat(read.getStatusCode().value()).as(read.getBody()).isEqualTo(200);
            JsonNode record = Samples.json(read.getBody());
            assertThat(record.get("canonical").get("resourceType").asText()).isEqualTo("Bundle");
            // The field keysets came back too: the victim's name and NIK decrypt.
            assertThat(record.get("canonical").toString()).contains("Rina Marlina", "6409015203990002");
        }
    }

    /** What the README's {@code pg_dump --data-only} takes: every table of the hub's schema, as the hub's role. */
    private static void dumpData(Path dataDir, Path dump) throws SQLException, IOException {
        try (Connection connection = connect(dataDir, "lintas", "hub-password")) {
            PGConnection copy = connection.unwrap(PGConnection.class);
            for (String table : tables(connection)) {
                try (OutputStream out = Files.newOutputStream(dump.resolve(table + ".copy"))) {
                    copy.getCopyAPI().copyOut("copy public." + quote(table) + " to stdout (format binary)", out);
                }
            }
            Properties sequences = new Properties();
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select sequencename, last_value from pg_sequences"
                            + " where schemaname = 'public' and last_value is not null")) {
                while (rows.next()) {
                    sequences.setProperty(rows.getString(1), Long.toString(rows.getLong(2)));
                }
            }
            try (OutputStream out = Files.newOutputStream(dump.resolve("sequences.properties"))) {
                sequences.store(out, null);
            }
        }
    }

    /**
     * What the README's {@code pg_restore --data-only --disable-triggers --single-transaction} does
     * onto the schema the fresh hub created: its own first rows emptied, the dump's copied in.
     */
    private static void restoreData(Path dataDir, Path dump) throws SQLException, IOException {
        try (Connection connection = connect(dataDir, "postgres", "superuser-password")) {
            connection.setAutoCommit(false);
            List<String> tables = tables(connection);
            try (Statement sql = connection.createStatement()) {
                sql.execute("set local session_replication_role = replica");
                sql.execute("truncate "
                        + String.join(
                                ", ",
                                tables.stream().map(t -> "public." + quote(t)).toList()));
            }
            PGConnection copy = connection.unwrap(PGConnection.class);
            for (String table : tables) {
                try (InputStream in = Files.newInputStream(dump.resolve(table + ".copy"))) {
                    copy.getCopyAPI().copyIn("copy public." + quote(table) + " from stdin (format binary)", in);
                }
            }
            Properties sequences = new Properties();
            try (InputStream in = Files.newInputStream(dump.resolve("sequences.properties"))) {
                sequences.load(in);
            }
            try (Statement sql = connection.createStatement()) {
                for (String name : sequences.stringPropertyNames()) {
                    sql.execute("select setval('public." + quote(name) + "', "
                            + Long.parseLong(sequences.getProperty(name)) + ")");
                }
            }
            connection.commit();
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows =
                        sql.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).contains("referral", "flyway_schema_history");
        return tables;
    }

    /**
     * A connection the way an operator's {@code pg_dump} makes one: the port from PostgreSQL's
     * {@code postmaster.pid}, the password from {@code security/database.properties}.
     */
    private static Connection connect(Path dataDir, String role, String passwordKey) throws SQLException, IOException {
        List<String> pid =
                Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"), StandardCharsets.UTF_8);
        Properties passwords = new Properties();
        try (var in = Files.newBufferedReader(
                dataDir.resolve("security").resolve("database.properties"), StandardCharsets.UTF_8)) {
            passwords.load(in);
        }
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres",
                role,
                passwords.getProperty(passwordKey));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Map<Path, Path> copies = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(
                    path -> copies.put(path, to.resolve(from.relativize(path).toString())));
        }
        for (Map.Entry<Path, Path> copy : copies.entrySet()) {
            if (Files.isDirectory(copy.getKey())) {
                Files.createDirectories(copy.getValue());
            } else {
                Files.copy(copy.getKey(), copy.getValue(), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static Path sample() {
        return Path.of(
                System.getProperty("lintas.shared.dir", "../../shared"),
                "domain",
                "regions",
                "kukar-json",
                "samples",
                "referral-tppo-to-ppu.json");
    }

    private static String baseUrl(ConfigurableApplicationContext hub) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LintasHubApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--lintas.data-dir=" + dataDir,
                        // A second broker in this JVM beside the shared test hub: its own in-VM id.
                        "--spring.artemis.embedded.server-id=51",
                        // The old hub's token outlives three starts on a slow machine.
                        "--lintas.security.token-time-to-live=30m");
    }
}
