package id.lintas.hub.platform;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The hub's database and nothing else, for commands run beside the hub ({@code users add}): the embedded
 * PostgreSQL of the data directory, or {@code spring.datasource.*}, migrated by Flyway; no web server,
 * broker or routes. Deliberately not a {@code @Configuration}: the hub's component scan must not pick it up.
 */
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@Import(EmbeddedPostgresConfiguration.class)
@EnableConfigurationProperties(HubProperties.class)
public class DatabaseOnly {

    /**
     * True when a PostgreSQL runs on the data directory's embedded database: a running hub's, which a
     * command must not start a second time (the start would stop it), or one left by a killed hub.
     */
    public static boolean embeddedDatabaseRunning(Path dataDir) throws IOException {
        return OrphanedPostgres.orphan(
                        dataDir.resolve("postgres").toAbsolutePath().normalize())
                .isPresent();
    }
}
