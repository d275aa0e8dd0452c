package id.lintas.hub.security;

import id.lintas.hub.participant.ParticipantDirectory;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Every participant that is not suspended is an OAuth client whose id is the participant id, which authenticates
 * with {@code private_key_jwt} only (keys registered with purpose CLIENT, see {@link ClientAssertionKeys})
 * and may use the client-credentials grant only. Nothing about clients is stored apart from the keys.
 */
class ParticipantClients implements RegisteredClientRepository {

    private final ParticipantDirectory participants;
    private final Duration tokenTimeToLive;

    ParticipantClients(ParticipantDirectory participants, Duration tokenTimeToLive) {
        this.participants = participants;
        this.tokenTimeToLive = tokenTimeToLive;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are the configured participants");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        // A suspended participant gets no token (one it holds is refused by SuspendedParticipants).
        if (clientId == null
                || participants
                        .find(clientId)
                        .map(ParticipantDirectory.Connected::suspended)
                        .orElse(true)) {
            return null;
        }
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(Scopes.REFERRALS)
                .clientSettings(ClientSettings.builder()
                        .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(tokenTimeToLive)
                        .build())
                .build();
    }

    /** The scopes a participant's token may carry. */
    static final class Scopes {
        /** Send referrals and status changes, read its own referrals. */
        static final String REFERRALS = "referrals";

        private Scopes() {}
    }
}
