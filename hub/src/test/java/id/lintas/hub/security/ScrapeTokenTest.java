package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class ScrapeTokenTest {

    private static final String TOKEN = "f3b1c0d2e4a5968778695a4b3c2d1e0ff3b1c0d2e4a59687";

    @Test
    void theConfiguredTokenAuthenticatesTheScraperOnly() {
        Authentication scraper = new ScrapeToken(TOKEN).authenticate(new BearerTokenAuthenticationToken(TOKEN));

        assertThat(scraper.isAuthenticated()).isTrue();
        assertThat(scraper.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly(ScrapeToken.SCRAPER);
    }

    @Test
    void anotherTokenAPrefixOrALongerOneIsRefused() {
        ScrapeToken token = new ScrapeToken(TOKEN);

        for (String wrong :
                new String[] {TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "0", TOKEN.toUpperCase(), "x"}) {
            assertThatThrownBy(() -> token.authenticate(new BearerTokenAuthenticationToken(wrong)))
                    .isInstanceOf(InvalidBearerTokenException.class);
        }
    }

    @Test
    void withoutAConfiguredTokenEveryBearerIsRefused() {
        assertThatThrownBy(() -> new ScrapeToken(null).authenticate(new BearerTokenAuthenticationToken(TOKEN)))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aShortTokenIsRefusedAtStartNamingTheProperty() {
        assertThatThrownBy(() -> new MetricsProperties("too-short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lintas.metrics.scrape-token")
                .hasMessageContaining("32");
        assertThat(new MetricsProperties(" ").scrapeToken()).isNull();
        assertThat(new MetricsProperties(TOKEN).scrapeToken()).isEqualTo(TOKEN);
    }
}
