package id.lintas.hub.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL started from Maven-shipped binaries when no {@code spring.datasource.url} is
 * configured: the default of a small office, so it runs as a production database, not as the
 * embedded library's test database. Its data directory survives restarts.
 * <ul>
 *   <li>Durable: fsync, synchronous commit and full-page writes on (the library starts PostgreSQL
 *       with {@code -F} and {@code synchronous_commit=off}; later {@code -c} settings override them).
 *   <li>Locked down: it listens on loopback only and asks every connection, local socket included,
 *       for a SCRAM password. The hub connects as {@code lintas}, a role that owns the hub's schema and
 *       nothing else (no superuser, no role or database creation). Both passwords are generated at
 *       first start into {@code security/database.properties} (owner-only), kept with the keysets.
 *   <li>Restartable: a PostgreSQL left running on the directory by a hub killed without stopping it
 *       is stopped first, so a start after kill -9 succeeds the first time.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    static final String HUB_ROLE = "lintas";
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The generated passwords of the embedded database's two roles. */
    record Credentials(String superuserPassword, String hubPassword) {

        static Credentials loadOrCreate(Path file) {
            try {
                if (Files.isRegularFile(file)) {
                    Properties properties = new Properties();
                    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        properties.load(in);
                    }
                    return new Credentials(
                            properties.getProperty("superuser-password"), properties.getProperty("hub-password"));
                }
                Credentials created = new Credentials(generate(), generate());
                Properties properties = new Properties();
                properties.setProperty("superuser-password", created.superuserPassword());
                properties.setProperty("hub-password", created.hubPassword());
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(out, "Passwords of the embedded PostgreSQL: back up with the keysets");
                }
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's ACL protects it.
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String generate() {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
    }

    @Bean
    Credentials embeddedDatabaseCredentials(HubProperties properties) {
        return Credentials.loadOrCreate(properties.dataDir().resolve("security").resolve("database.properties"));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HubProperties properties, Credentials credentials)
            throws IOException, SQLException {
        Path dataDirectory =
                properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        OrphanedPostgres.stop(dataDirectory, Duration.ofSeconds(20));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100")
                // The library checks readiness as the superuser: once passwords are required, with its password.
                .setConnectConfig("password", credentials.superuserPassword())
                .start();
        lockDown(postgres, dataDirectory, credentials);
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /**
     * Idempotent at every start: passwords set, the hub's role owning the hub's schema, and only
     * password logins allowed (a data directory made by an older hub had trust for every local user).
     */
    private static void lockDown(EmbeddedPostgres postgres, Path dataDirectory, Credentials credentials)
            throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("alter role " + SUPERUSER + " password " + literal(credentials.superuserPassword()));
            sql.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + HUB_ROLE + "') then"
                    + " create role " + HUB_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication; end if; end $$");
            sql.execute("alter role " + HUB_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication password "
                    + literal(credentials.hubPassword()));
            sql.execute("alter schema public owner to " + HUB_ROLE);
            // Tables made by an older hub as the superuser pass to the hub's role (owned sequences follow).
            sql.execute(
                    "do $$ declare t record; begin for t in select tablename from pg_tables where schemaname = 'public'"
                            + " and tableowner <> '" + HUB_ROLE
                            + "' loop execute format('alter table public.%I owner to " + HUB_ROLE
                            + "', t.tablename); end loop; end $$");
            sql.execute("revoke all on database " + DATABASE + " from public");
            sql.execute("grant connect, temporary on database " + DATABASE + " to " + HUB_ROLE);
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String wanted = "# Written by the Lintas hub at every start: password (SCRAM) logins only, loopback only.\n"
                + "local   all   all                 scram-sha-256\n"
                + "host    all   all   127.0.0.1/32  scram-sha-256\n"
                + "host    all   all   ::1/128       scram-sha-256\n";
        if (!wanted.equals(Files.exists(hba) ? Files.readString(hba, StandardCharsets.UTF_8) : "")) {
            Files.writeString(hba, wanted, StandardCharsets.UTF_8);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("select pg_reload_conf()");
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The hub's pool, as the least-privileged role; timeouts come from {@code spring.datasource.hikari.*}. */
    @Bean(destroyMethod = "close")
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, Credentials credentials) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE);
        dataSource.setUsername(HUB_ROLE);
        dataSource.setPassword(credentials.hubPassword());
        dataSource.setPoolName("lintas-embedded");
        return dataSource;
    }

    /**
     * Migrations without the pool's socket timeout (an index built on a large table may take longer
     * than an intake call may wait), as the same role so that it owns what it creates. Flyway opens
     * its own driver connection; it is not a {@code DataSource} bean, so health, readiness and the
     * {@code lintas.ready} gauge check the pool, as every request uses it, instead of opening a fresh
     * (SCRAM-authenticated) connection every 15 s.
     */
    @Bean
    FlywayConfigurationCustomizer migrationConnection(EmbeddedPostgres postgres, Credentials credentials) {
        return configuration -> configuration.dataSource(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE,
                HUB_ROLE,
                credentials.hubPassword());
    }
}
