package id.lintas.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates the Prometheus server by the configured scrape token. Both sides are hashed before a
 * constant-time comparison, so neither the content nor the length of the token leaks through timing.
 */
final class ScrapeToken implements AuthenticationManager {

    /** The authority of the scraper: it reaches {@code /actuator/prometheus} and nothing else. */
    static final String SCRAPER = "ROLE_METRICS_SCRAPER";

    private final byte[] expected;

    ScrapeToken(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof BearerTokenAuthenticationToken bearer
                && expected != null
                && MessageDigest.isEqual(expected, sha256(bearer.getToken()))) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority(SCRAPER)));
        }
        throw new InvalidBearerTokenException("not the metrics scrape token");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
