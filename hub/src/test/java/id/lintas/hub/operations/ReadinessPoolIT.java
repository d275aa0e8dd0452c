package id.lintas.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.lintas.hub.HubIntegrationTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/**
 * Readiness (and the {@code lintas.ready} gauge that polls it every 15 s) checks the database through
 * the hub's pool: the migrations' own connection is no {@code DataSource} bean, so the health check
 * does not open a fresh SCRAM-authenticated connection beside the pool each time.
 */
class ReadinessPoolIT extends HubIntegrationTest {

    @Autowired
    HealthEndpoint health;

    @Autowired
    HikariDataSource pool;

    @Autowired
    Flyway flyway;

    @Test
    void readinessChecksTheDatabaseThroughThePoolOnly() {
        assertThat(context.getBeansOfType(DataSource.class).values())
                .as("the only data source health can find")
                .containsExactly(pool);

        HealthComponent db = health.healthForPath("readiness", "db");

        // One indicator for the pool; a second DataSource bean made "db" a composite of two.
        assertThat(db).isInstanceOf(Health.class).isNotInstanceOf(CompositeHealth.class);
        assertThat(db.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void migrationsKeepAConnectionOfTheirOwnWithoutThePoolsSocketTimeout() {
        assertThat(flyway.getConfiguration().getDataSource()).isNotNull().isNotSameAs(pool);
        assertThat(flyway.getConfiguration().getUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    }
}
