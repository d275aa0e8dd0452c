package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-02T01:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final MovingClock clock = new MovingClock(ISSUED);
    private final OAuth2TokenValidator<Jwt> expiry = expiry(clock);

    /** A stand-in for the signature check: counts its calls, refuses tokens named "forged". */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "ES256")
                .subject("kukar")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(5)))
                .build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, expiry, Duration.ofMinutes(5), 100);

    @Test
    void aTokenIsVerifiedOnceForAllItsUses() {
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("kukar");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("kukar");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("kukar");
        assertThat(verifications).hasValue(1);

        tokens.decode("token-b");
        assertThat(verifications).as("another token is verified on its own").hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> tokens.decode("token-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenThatFailsIsCheckedAgainEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static OAuth2TokenValidator<Jwt> expiry(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }
}
