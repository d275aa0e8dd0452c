package id.lintas.hub.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the hub's issuer URL: its tokens name it, client assertions must name its token endpoint
 *     ({@code <issuer>/oauth2/token}) as audience. Required, except in the demo profile (where it defaults
 *     to {@code http://localhost:<server.port>}); never taken from a request
 * @param tokenTimeToLive how long an access token lasts
 * @param tokenSigningKey a private JWK file (EC P-256) the hub signs tokens with; when null one is
 *     generated under the data directory at first start (one hub instance; give every instance the same
 *     file when there are several)
 * @param external an external OpenID provider whose tokens the hub also accepts, or null
 * @param rateLimit requests per participant or account per minute; 0 means no limit
 * @param maxRequestBytes the largest request body the API accepts
 * @param mtlsRequired when true, a region system must also present a client certificate whose common
 *     name is its participant id (the connector asks for one with {@code server.ssl.client-auth})
 * @param lockout how failed authentications are throttled
 */
@ConfigurationProperties("lintas.security")
public record SecurityProperties(
        String issuer,
        Duration tokenTimeToLive,
        Path tokenSigningKey,
        External external,
        int rateLimit,
        long maxRequestBytes,
        boolean mtlsRequired,
        Lockout lockout) {

    public SecurityProperties {
        tokenTimeToLive = tokenTimeToLive == null ? Duration.ofMinutes(5) : tokenTimeToLive;
        maxRequestBytes = maxRequestBytes <= 0 ? 1024 * 1024 : maxRequestBytes;
        lockout = lockout == null ? new Lockout(0, 0, null) : lockout;
    }

    /**
     * Failed authentications (a wrong password, an invalid token or client assertion) are counted per
     * account, per client and per remote address, in PostgreSQL so every hub instance sees them. From the
     * threshold on, the key is locked for one second, doubled with each further failure up to
     * {@code maxLockout}; while locked the hub answers 429 without checking the credentials. A count
     * restarts after {@code maxLockout} without failures.
     *
     * @param failures failures of one account or client before it is locked
     * @param addressFailures failures from one remote address before it is locked (higher: offices share addresses)
     * @param maxLockout the longest lockout, and how long failures are remembered
     */
    public record Lockout(int failures, int addressFailures, Duration maxLockout) {
        public Lockout {
            failures = failures <= 0 ? 5 : failures;
            addressFailures = addressFailures <= 0 ? 20 : addressFailures;
            maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
        }
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
