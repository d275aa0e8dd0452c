package id.lintas.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;

/**
 * {@code /actuator/prometheus} for operators (HTTP Basic, as on the rest of the API) or for a Prometheus
 * server with the configured scrape token as its bearer token. The token opens nothing else, and a
 * wrong one counts as a failed authentication (the lockout throttles guessing).
 */
@Configuration
class MetricsScrapeSecurity {

    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    @Order(0)
    SecurityFilterChain prometheusChain(
            HttpSecurity http, MetricsProperties metrics, SecurityProperties properties, LoginFailures failures)
            throws Exception {
        ScrapeToken token = new ScrapeToken(metrics.scrapeToken());
        http.securityMatcher(PROMETHEUS)
                .csrf(csrf -> csrf.disable()) // no cookies and no sessions: every scrape carries its credentials
                .addFilterBefore(new FailedLogins(failures), LogoutFilter.class)
                .addFilterBefore(new RateLimits(properties.rateLimit()), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint())))
                .oauth2ResourceServer(resource -> resource.authenticationEntryPoint(
                                SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint()))
                        .accessDeniedHandler(SecurityLog.deniedHandler())
                        .authenticationManagerResolver(request -> token))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityLog.deniedHandler())
                        .authenticationEntryPoint(SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint())))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PROMETHEUS)
                        .hasAnyAuthority(Role.OPERATOR.authority(), ScrapeToken.SCRAPER)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
