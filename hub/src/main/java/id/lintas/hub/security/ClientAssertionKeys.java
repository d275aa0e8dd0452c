package id.lintas.hub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Verifies a participant's {@code private_key_jwt} client assertion against the public keys registered
 * for it with purpose CLIENT, approved and not revoked, read from the database on every request so a
 * revocation applies at once. Besides Spring Authorization Server's checks (issuer and subject are the
 * client, audience is the hub, not expired), an assertion lives at most {@link #MAX_LIFETIME} (SMART
 * Backend Services), is not issued in the future beyond {@link #CLOCK_SKEW}, and is accepted once: its
 * {@code jti} is kept in PostgreSQL until it expires, so a replay is refused by every hub instance, also
 * after a restart.
 */
class ClientAssertionKeys implements JwtDecoderFactory<RegisteredClient> {

    /** The longest an assertion may be valid (SMART App Launch, Backend Services: five minutes). */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** How far the region's clock may be ahead of the hub's (Spring's expiry check allows as much behind). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final int MAX_JTI_LENGTH = 200;
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384);

    private final JdbcClient jdbc;
    private final ParticipantKeyRepository keys;
    private final Clock clock;

    ClientAssertionKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.keys = new ParticipantKeyRepository(jdbc);
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                ALGORITHMS, new ImmutableJWKSet<>(new JWKSet(keys(client.getClientId())))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> standard =
                JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client);
        // The jti is recorded only for an assertion that passed every other check.
        decoder.setJwtValidator(assertion -> {
            OAuth2TokenValidatorResult result = standard.validate(assertion);
            if (result.hasErrors()) {
                return result;
            }
            result = bounded(assertion);
            return result.hasErrors() ? result : onlyOnce(assertion);
        });
        return decoder;
    }

    private List<JWK> keys(String participant) {
        List<JWK> keys = new ArrayList<>();
        for (String jwk : this.keys.usableClientKeys(participant)) {
            try {
                keys.add(JWK.parse(jwk));
            } catch (ParseException e) {
                throw new IllegalStateException("a stored key is not a JWK", e);
            }
        }
        return keys;
    }

    private OAuth2TokenValidatorResult bounded(Jwt assertion) {
        Instant now = clock.instant();
        Instant expires = assertion.getExpiresAt();
        if (expires != null && expires.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            return invalid(
                    "the client assertion is valid for longer than " + MAX_LIFETIME.toMinutes() + " minutes (exp)");
        }
        Instant issued = assertion.getIssuedAt();
        if (issued != null && issued.isAfter(now.plus(CLOCK_SKEW))) {
            return invalid("the client assertion is issued in the future (iat)");
        }
        if (issued != null
                && expires != null
                && Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) {
            return invalid("the client assertion is valid for longer than " + MAX_LIFETIME.toMinutes()
                    + " minutes (iat to exp)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private OAuth2TokenValidatorResult onlyOnce(Jwt assertion) {
        String id = assertion.getId();
        if (id == null || id.isBlank() || id.length() > MAX_JTI_LENGTH) {
            return invalid("the client assertion needs a jti of at most " + MAX_JTI_LENGTH + " characters");
        }
        // Kept until Spring's expiry check (which allows CLOCK_SKEW) would refuse the assertion anyway.
        Instant keepUntil = assertion.getExpiresAt().plus(CLOCK_SKEW);
        int inserted = jdbc.sql("insert into client_assertion_jti (participant_id, jti, expires_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(assertion.getSubject(), id, Timestamp.from(keepUntil))
                .update();
        if (inserted == 0) {
            return invalid("the client assertion was already used");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Forgets the jti of assertions that have expired; returns how many. */
    int purgeExpired() {
        return jdbc.sql("delete from client_assertion_jti where expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private static OAuth2TokenValidatorResult invalid(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_client", reason, null));
    }
}
