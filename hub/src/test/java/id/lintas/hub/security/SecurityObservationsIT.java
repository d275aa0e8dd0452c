package id.lintas.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.hub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's filters run undecorated: with an observation registry in the context it would wrap
 * every filter of every request in an observation, a cost on each referral the hub has no use for
 * (ADR 0015). Its own filters are still in the chain.
 */
class SecurityObservationsIT extends HubIntegrationTest {

    @Autowired
    private FilterChainProxy springSecurityFilterChain;

    @Test
    void theFilterChainIsNotWrappedInObservations() {
        Object decorator = ReflectionTestUtils.getField(springSecurityFilterChain, "filterChainDecorator");

        assertThat(decorator).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
        assertThat(springSecurityFilterChain.getFilterChains())
                .anySatisfy(chain -> assertThat(chain.getFilters())
                        .hasAtLeastOneElementOfType(RateLimits.class)
                        .hasAtLeastOneElementOfType(ClientCertificateBinding.class)
                        .hasAtLeastOneElementOfType(SuspendedParticipants.class));
    }
}
