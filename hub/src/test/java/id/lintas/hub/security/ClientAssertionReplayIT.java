package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import id.lintas.hub.HubIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Used client assertions are remembered in PostgreSQL until they expire: a hub that restarts, or another
 * hub instance over the same database (here: a new {@link ClientAssertionKeys}, which starts with
 * nothing in memory), refuses an assertion that was already exchanged for a token.
 */
class ClientAssertionReplayIT extends HubIntegrationTest {

    @BeforeEach
    void aRequestToTheAuthorizationServer() {
        AuthorizationServerSettings settings = context.getBean(AuthorizationServerSettings.class);
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return settings.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        });
    }

    @AfterEach
    void done() {
        AuthorizationServerContextHolder.resetContext();
    }

    private JwtDecoder freshInstance(String participant) {
        return new ClientAssertionKeys(jdbc, Clock.systemUTC())
                .createDecoder(context.getBean(RegisteredClientRepository.class).findByClientId(participant));
    }

    @Test
    void usedAssertionIsRefusedAfterRestart() {
        ECKey key = credentials.clientKey("prabumulih");
        String used = credentials.assertion("prabumulih", key, UUID.randomUUID().toString());
        assertThat(credentials.requestToken("prabumulih", used).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> freshInstance("prabumulih").decode(used))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("already used");
        String unused =
                credentials.assertion("prabumulih", key, UUID.randomUUID().toString());
        assertThat(freshInstance("prabumulih").decode(unused).getSubject())
                .as("a fresh assertion is accepted")
                .isEqualTo("prabumulih");
    }

    @Test
    void expiredAssertionIdsAreForgotten() {
        jdbc.sql("insert into client_assertion_jti (participant_id, jti, expires_at) values ('kukar', ?, ?)")
                .params(
                        "it-expired-" + System.nanoTime(),
                        Timestamp.from(Instant.now().minusSeconds(5)))
                .update();
        assertThat(new ClientAssertionKeys(jdbc, Clock.systemUTC()).purgeExpired())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from client_assertion_jti where expires_at < now()")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
