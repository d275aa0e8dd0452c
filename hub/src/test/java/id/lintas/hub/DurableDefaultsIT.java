package id.lintas.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The default run is what a small office deploys: the embedded PostgreSQL and Artemis run with
 * production durability, and the database is locked down (loopback, passwords, a least-privileged
 * role for the hub), not with the embedded libraries' test settings.
 */
class DurableDefaultsIT extends HubIntegrationTest {

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void theEmbeddedDatabaseRunsDurably() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void theEmbeddedDatabaseListensOnLoopbackAndTheHubIsNotSuperuser() {
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("lintas");
        assertThat(jdbc.sql(
                                "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThatThrownBy(
                        () -> jdbc.sql("create role intruder login superuser").update())
                .as("the hub's role cannot make a superuser")
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void everyLoginNeedsItsPassword() throws Exception {
        int port = jdbc.sql("select current_setting('port')::int")
                .query(Integer.class)
                .single();
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        // What any local user could do before: the superuser without a password.
        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", noPassword)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        Path security = DATA_DIR.resolve("security").resolve("database.properties");
        assertThat(Files.getPosixFilePermissions(security)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Path hba = DATA_DIR.resolve("postgres").resolve("pg_hba.conf");
        List<String> rules = Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }

    @Test
    void theEmbeddedBrokerSyncsItsJournalOnEveryCommit() {
        Configuration configuration = broker.getActiveMQServer().getConfiguration();
        assertThat(configuration.isPersistenceEnabled()).isTrue();
        assertThat(configuration.isJournalSyncTransactional()).isTrue();
        assertThat(configuration.isJournalSyncNonTransactional()).isTrue();
        assertThat(configuration.isJournalDatasync()).isTrue();
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
