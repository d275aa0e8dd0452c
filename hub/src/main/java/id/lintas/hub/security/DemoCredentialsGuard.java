package id.lintas.hub.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the hub outside the demo profile while any account or key that the demo setup
 * created is still active: their passwords and private keys are published in the repository.
 */
@Component
class DemoCredentialsGuard {

    static final String DEMO_ACTOR = "demo-setup";

    DemoCredentialsGuard(
            Environment environment,
            JdbcClient jdbc,
            org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer migrated) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            return;
        }
        int accounts = jdbc.sql("select count(*) from users where demo and enabled")
                .query(Integer.class)
                .single();
        int keys = new ParticipantKeyRepository(jdbc).unrevokedRegisteredBy(DEMO_ACTOR);
        if (accounts > 0 || keys > 0) {
            throw new IllegalStateException("This database holds the demo's published credentials (" + accounts
                    + " demo accounts, " + keys + " demo keys), and the demo profile is not active. Start with a new"
                    + " database, or disable the demo accounts and revoke the keys registered by '" + DEMO_ACTOR
                    + "'.");
        }
    }
}
