package id.lintas.hub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
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
 * for it with purpose CLIENT (not revoked), read from the database on every request so a revocation
 * applies at once. Besides Spring Authorization Server's checks (issuer and subject are the client,
 * audience is the hub, not expired), an assertion is accepted once: a replayed {@code jti} is refused.
 */
class ClientAssertionKeys implements JwtDecoderFactory<RegisteredClient> {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.PS256, JWSAlgorithm.PS384);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    ClientAssertionKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS,
                new ImmutableJWKSet<>(new JWKSet(keys(client.getClientId())))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), this::onlyOnce));
        return decoder;
    }

    private List<JWK> keys(String participant) {
        List<JWK> keys = new ArrayList<>();
        for (String jwk : jdbc.sql("select jwk from participant_key where participant_id = ? and purpose = 'CLIENT'"
                        + " and revoked_at is null").param(participant).query(String.class).list()) {
            try {
                keys.add(JWK.parse(jwk));
            } catch (ParseException e) {
                throw new IllegalStateException("a stored key is not a JWK", e);
            }
        }
        return keys;
    }

    private OAuth2TokenValidatorResult onlyOnce(Jwt assertion) {
        Instant now = clock.instant();
        seen.values().removeIf(expiry -> expiry.isBefore(now));
        String id = assertion.getId();
        if (id == null || id.isBlank()) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_client", "the client assertion needs a jti", null));
        }
        Instant expiry = assertion.getExpiresAt() == null ? now.plusSeconds(300) : assertion.getExpiresAt();
        if (seen.putIfAbsent(assertion.getSubject() + "|" + id, expiry) != null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_client", "the client assertion was already used", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
