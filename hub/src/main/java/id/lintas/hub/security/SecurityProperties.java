package id.lintas.hub.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the issuer the hub's tokens name; when null it is taken from each request's URL
 * @param tokenTimeToLive how long an access token lasts
 * @param tokenSigningKey a private JWK file (EC P-256) the hub signs tokens with; when null one is
 *     generated under the data directory at first start (one hub instance; give every instance the same
 *     file when there are several)
 * @param external an external OpenID provider whose tokens the hub also accepts, or null
 * @param rateLimit requests per participant or account per minute; 0 means no limit
 * @param maxRequestBytes the largest request body the API accepts
 * @param mtlsRequired when true, a region system must also present a client certificate whose common
 *     name is its participant id (the connector asks for one with {@code server.ssl.client-auth})
 */
@ConfigurationProperties("lintas.security")
public record SecurityProperties(
        String issuer,
        Duration tokenTimeToLive,
        Path tokenSigningKey,
        External external,
        int rateLimit,
        long maxRequestBytes,
        boolean mtlsRequired) {

    public SecurityProperties {
        tokenTimeToLive = tokenTimeToLive == null ? Duration.ofMinutes(5) : tokenTimeToLive;
        maxRequestBytes = maxRequestBytes <= 0 ? 1024 * 1024 : maxRequestBytes;
    }

    /**
     * @param issuerUri the provider's issuer (its keys are found through OpenID discovery)
     * @param participantClaim the claim naming the participant of a machine token
     * @param rolesClaim the claim listing a person's roles (ADMIN, SIGNER, AUDITOR, OPERATOR)
     * @param partyClaim the claim naming a signer's party
     */
    public record External(URI issuerUri, String participantClaim, String rolesClaim, String partyClaim) {
        public External {
            participantClaim = participantClaim == null ? "participant" : participantClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            partyClaim = partyClaim == null ? "party" : partyClaim;
        }
    }
}
