package id.lintas.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The hub's own access tokens, their signature verified once. A region's system sends the same bearer
 * token with every request of its lifetime, and checking its ES256 signature each time was a sixth of
 * the hub's CPU a referral under load (issue 17, ADR 0012). After a token decodes, its exact text is
 * remembered until the token's lifetime has passed; every later use still runs the validators (expiry,
 * not-before, issuer), so an expired token is refused as before. A token that fails is not remembered.
 * Whether its participant is suspended is checked on every request elsewhere ({@code
 * SuspendedParticipants}), and the signing key changes only with a restart, which forgets them all.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier decodes and verifies a token (signature and validators)
     * @param validator the same validators, run again on every use of a remembered token
     * @param lifetime the longest a token lives (the hub's token time to live)
     * @param most how many tokens to remember at once
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Duration lifetime, int most) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(most)
                .expireAfterWrite(lifetime)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String description = result.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .filter(d -> d != null && !d.isBlank())
                    .findFirst()
                    .orElse("the token is no longer valid");
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return known;
    }
}
