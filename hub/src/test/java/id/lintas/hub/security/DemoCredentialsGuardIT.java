package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.hub.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo's published accounts and keys stop a hub that is not in the demo profile. */
class DemoCredentialsGuardIT extends HubIntegrationTest {

    @AfterEach
    void removeDemoData() {
        jdbc.sql("delete from users where username = 'it-demo-admin'").update();
        jdbc.sql("delete from participant_key where kid = 'it-demo-client'").update();
    }

    @Test
    void startsWithoutDemoCredentials() {
        assertThatCode(() -> new DemoCredentialsGuard(new MockEnvironment(), jdbc, null))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesADemoAccountOutsideTheDemoProfile() {
        jdbc.sql(
                        "insert into users (username, password, enabled, demo) values ('it-demo-admin', '{noop}x', true, true)")
                .update();

        assertThatThrownBy(() -> new DemoCredentialsGuard(new MockEnvironment(), jdbc, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 demo accounts");
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> new DemoCredentialsGuard(demo, jdbc, null)).doesNotThrowAnyException();
    }

    @Test
    void refusesAKeyTheDemoSetupRegisteredUntilItIsRevoked() {
        jdbc.sql("insert into participant_key (participant_id, kid, jwk, registered_by, purpose)"
                        + " values ('kukar', 'it-demo-client', '{}', 'demo-setup', 'CLIENT')")
                .update();
        assertThatThrownBy(() -> new DemoCredentialsGuard(new MockEnvironment(), jdbc, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 demo keys");

        jdbc.sql("update participant_key set revoked_at = now() where kid = 'it-demo-client'")
                .update();
        assertThatCode(() -> new DemoCredentialsGuard(new MockEnvironment(), jdbc, null))
                .doesNotThrowAnyException();
    }
}
