package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The hub's issuer is configuration: required outside the demo, a plain http(s) URL. */
class IssuerTest {

    @Test
    void issuerIsRequiredOutsideTheDemo() {
        assertThatThrownBy(() -> SecurityConfiguration.issuer(null, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lintas.security.issuer is required");
        assertThatThrownBy(() -> SecurityConfiguration.issuer(" ", new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDemoDefaultsToLocalhost() {
        MockEnvironment demo = new MockEnvironment().withProperty("server.port", "8080");
        demo.setActiveProfiles("demo");
        assertThat(SecurityConfiguration.issuer(null, demo)).isEqualTo("http://localhost:8080");
    }

    @Test
    void aConfiguredIssuerIsAnHttpUrlWithAHost() {
        assertThat(SecurityConfiguration.issuer("https://lintas.example.go.id/", new MockEnvironment()))
                .isEqualTo("https://lintas.example.go.id");
        for (String wrong : new String[] {
            "lintas.example.go.id", "ftp://lintas.example.go.id", "https://lintas.example.go.id/?x=1", "not a url"
        }) {
            assertThatThrownBy(() -> SecurityConfiguration.issuer(wrong, new MockEnvironment()))
                    .as(wrong)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("lintas.security.issuer");
        }
    }
}
