package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** How an external OpenID provider's tokens become callers, with the configured claim names. */
class ExternalTokenTest {

    private static final SecurityProperties.External EXTERNAL = new SecurityProperties.External(
            URI.create("https://sso.example.go.id/realms/lintas"), "lintas_participant", "lintas_roles", null);

    private static Jwt token(String claim, Object value) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("subject-1")
                .claim("preferred_username", "rini")
                .claim(claim, value)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
    }

    @Test
    void aTokenNamingAParticipantIsThatRegionsSystem() {
        var authentication = SecurityConfiguration.externalToken(token("lintas_participant", "ppu"), EXTERNAL);

        Caller caller = Caller.of(authentication);
        assertThat(caller.name()).isEqualTo("ppu");
        assertThat(caller.isParticipant("ppu")).isTrue();
        assertThat(caller.isParticipant("kukar")).isFalse();
    }

    @Test
    void aPersonGetsOnlyTheKnownRolesAndNeverParticipant() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("subject-2")
                .claim("preferred_username", "rini")
                .claim("lintas_roles", List.of("signer", "PARTICIPANT", "superuser"))
                .claim("party", "kukar")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();

        var authentication = SecurityConfiguration.externalToken(jwt, EXTERNAL);

        assertThat(authentication.getName()).isEqualTo("rini");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SIGNER", "PARTY_kukar");
        assertThat(Caller.of(authentication).signsFor("kukar")).isTrue();
        assertThat(Caller.of(authentication).is(Role.PARTICIPANT)).isFalse();
    }
}
