package id.lintas.hub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.platform.HubProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * The embedded authorization server (only its token endpoint, for participants' systems) and the rules of the
 * API: which role reaches which endpoint, and that a participant's path is its own. Object-level rules
 * (whose referral, which party one signs for) are in the controllers, which answer 404 for others' ids.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** The claim of the hub's tokens that names the participant. */
    static final String PARTICIPANT_CLAIM = "participant";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            ClientAssertionKeys assertions,
            SecurityProperties properties,
            AuthorizationServerSettings settings,
            LoginFailures failures)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .addFilterBefore(new TokenEndpointOnly(settings.getTokenEndpoint()), DisableEncodeUrlFilter.class)
                .addFilterBefore(new FailedLogins(failures), LogoutFilter.class)
                .with(
                        server,
                        as -> as.clientAuthentication(clients ->
                                clients.authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof JwtClientAssertionAuthenticationProvider jwt) {
                                        jwt.setJwtDecoderFactory(assertions);
                                    }
                                }))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .addFilterBefore(new RateLimits(properties.rateLimit()), AuthorizationFilter.class)
                .addFilterBefore(new ClientCertificateBinding(properties.mtlsRequired()), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            JwtDecoder hubTokens,
            SecurityProperties properties,
            AuthorizationServerSettings settings,
            LoginFailures failures,
            HandlerMappingIntrospector introspector,
            ParticipantDirectory participants)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies and no sessions: every call carries its credentials
                .addFilterBefore(new FailedLogins(failures), LogoutFilter.class)
                .addFilterBefore(new RateLimits(properties.rateLimit()), AuthorizationFilter.class)
                .addFilterBefore(new ClientCertificateBinding(properties.mtlsRequired()), AuthorizationFilter.class)
                .addFilterBefore(new SuspendedParticipants(participants), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint())))
                .oauth2ResourceServer(resource -> {
                    resource.authenticationEntryPoint(
                            SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint()));
                    resource.accessDeniedHandler(SecurityLog.deniedHandler());
                    resource.authenticationManagerResolver(new JwtIssuerAuthenticationManagerResolver(
                            issuers(hubTokens, settings.getIssuer(), properties.external())));
                })
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityLog.deniedHandler())
                        .authenticationEntryPoint(SecurityLog.entryPoint(new BearerTokenAuthenticationEntryPoint())))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/fhir/metadata",
                                "/.well-known/smart-configuration",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // Participants as data: administrators change them; operators and auditors read them.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/participants",
                                "/api/v1/participants/{participant}",
                                "/api/v1/participants/{participant}/history")
                        .hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/participants")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/participants/{participant}")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/participants/{participant}/referrals",
                                "/api/v1/participants/{participant}/status")
                        .access(ownParticipant())
                        .requestMatchers(HttpMethod.POST, "/fhir/$process-message")
                        .hasRole(Role.PARTICIPANT.name())
                        // Operators register client keys; approving one takes a signer of the participant or a
                        // second operator (the service refuses the operator who registered it).
                        .requestMatchers(HttpMethod.POST, "/api/v1/participants/{participant}/client-keys")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/participants/{participant}/witness-keys")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(
                                "/api/v1/participants/{participant}/client-keys",
                                "/api/v1/participants/{participant}/client-keys/**",
                                "/api/v1/participants/{participant}/witness-keys",
                                "/api/v1/participants/{participant}/witness-keys/**")
                        .access(operatorOrSignerOfParticipant())
                        .requestMatchers(HttpMethod.GET, "/api/v1/participants/{participant}/key-events")
                        .access(AuthorizationManagers.anyOf(
                                operatorOrSignerOfParticipant(),
                                AuthorityAuthorizationManager.hasRole(Role.AUDITOR.name())))
                        .requestMatchers(HttpMethod.GET, "/api/v1/participants/{participant}/keys")
                        .authenticated()
                        .requestMatchers(
                                "/api/v1/participants/{participant}/keys", "/api/v1/participants/{participant}/keys/**")
                        .access(signerOfParticipant())
                        .requestMatchers(HttpMethod.POST, "/api/v1/agreements/*/versions/*/signatures")
                        .hasRole(Role.SIGNER.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/agreements",
                                "/api/v1/agreements/check",
                                "/api/v1/agreements/*/suspend",
                                "/api/v1/agreements/*/resume",
                                "/api/v1/agreements/*/terminate")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/agreements/*/events")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name(), Role.SIGNER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/agreements", "/api/v1/agreements/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/routing/explain")
                        .hasAnyRole(Role.ADMIN.name(), Role.PARTICIPANT.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/referrals/overdue")
                        .hasAnyRole(Role.OPERATOR.name(), Role.AUDITOR.name())
                        // Links between referrals of one victim are for the regions that handle them, not for
                        // operators.
                        .requestMatchers(HttpMethod.GET, "/api/v1/referrals/*/same-victim")
                        .hasRole(Role.PARTICIPANT.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/referrals", "/api/v1/referrals/*")
                        .hasAnyRole(Role.PARTICIPANT.name(), Role.OPERATOR.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/deliveries", "/api/v1/deliveries/**")
                        .hasRole(Role.OPERATOR.name())
                        // The audit log (docs/audit.md): checkpoints, the key and consistency proofs for auditors and
                        // witnesses; inclusion proofs also for a participant's own entries (checked by the service);
                        // entries, exports and verification for auditors; cosignatures from witnesses.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/audit/checkpoint",
                                "/api/v1/audit/verifier-key",
                                "/api/v1/audit/proof/consistency",
                                "/api/v1/audit/proof/inclusion")
                        .hasAnyRole(Role.AUDITOR.name(), Role.PARTICIPANT.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoint/cosignatures")
                        .hasRole(Role.PARTICIPANT.name())
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/audit/entries",
                                "/api/v1/audit/export",
                                "/api/v1/audit/verification")
                        .hasRole(Role.AUDITOR.name())
                        // Demo only: what a simulated region received holds (synthetic) victims' data, so only that
                        // participant's own system reads it, as it would read its own server.
                        .requestMatchers(HttpMethod.GET, "/api/v1/demo/participants/{participant}/received")
                        .access(ownParticipant())
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .authenticated()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/referrals", "/api/v1/audit/referrals/**")
                        .hasAnyRole(Role.AUDITOR.name(), Role.PARTICIPANT.name())
                        .requestMatchers("/api/v1/accounts", "/api/v1/accounts/**")
                        .hasRole(Role.ADMIN.name())
                        // Refused if anything would run for it; unknown paths go on to MVC's 404.
                        .anyRequest()
                        .access(new UnmappedPaths(introspector)));
        return http.build();
    }

    /** The path's participant is the caller's own (its system's token). */
    private static AuthorizationManager<RequestAuthorizationContext> ownParticipant() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(Caller.of(authentication.get())
                        .isParticipant(context.getVariables().get("participant")));
    }

    /** The caller signs for the path's participant. */
    private static AuthorizationManager<RequestAuthorizationContext> signerOfParticipant() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(Caller.of(authentication.get())
                        .signsFor(context.getVariables().get("participant")));
    }

    /** An operator, or a signer of the path's participant. */
    private static AuthorizationManager<RequestAuthorizationContext> operatorOrSignerOfParticipant() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Caller caller = Caller.of(authentication.get());
            return new AuthorizationDecision(caller.is(Role.OPERATOR)
                    || caller.signsFor(context.getVariables().get("participant")));
        };
    }

    /** The hub's own tokens (its issuer, checked with its key) and an external provider's; any other issuer is refused. */
    private static org.springframework.security.authentication.AuthenticationManagerResolver<String> issuers(
            JwtDecoder hubTokens, String hubIssuer, SecurityProperties.External external) {
        JwtAuthenticationProvider own = new JwtAuthenticationProvider(hubTokens);
        own.setJwtAuthenticationConverter(SecurityConfiguration::hubToken);
        AuthenticationManager ownManager = new ProviderManager(own);
        if (external == null || external.issuerUri() == null) {
            return issuer -> hubIssuer.equals(issuer) ? ownManager : null;
        }
        String externalIssuer = external.issuerUri().toString();
        Supplier<AuthenticationManager> externalManager = new java.util.function.Supplier<>() {
            private volatile AuthenticationManager manager;

            @Override
            public AuthenticationManager get() {
                if (manager == null) {
                    JwtAuthenticationProvider provider =
                            new JwtAuthenticationProvider(JwtDecoders.fromIssuerLocation(externalIssuer));
                    provider.setJwtAuthenticationConverter(jwt -> externalToken(jwt, external));
                    manager = new ProviderManager(provider);
                }
                return manager;
            }
        };
        return issuer ->
                externalIssuer.equals(issuer) ? externalManager.get() : hubIssuer.equals(issuer) ? ownManager : null;
    }

    /** A token the hub issued: client credentials of a participant. */
    private static AbstractAuthenticationToken hubToken(Jwt jwt) {
        String participant = jwt.getClaimAsString(PARTICIPANT_CLAIM);
        if (participant == null) {
            return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
        }
        return new JwtAuthenticationToken(
                jwt, List.of(new SimpleGrantedAuthority(Role.PARTICIPANT.authority())), participant);
    }

    /** An external provider's token: a participant's system (participant claim) or a person (roles claim). */
    static AbstractAuthenticationToken externalToken(Jwt jwt, SecurityProperties.External external) {
        String participant = jwt.getClaimAsString(external.participantClaim());
        if (participant != null) {
            return new JwtAuthenticationToken(
                    jwt, List.of(new SimpleGrantedAuthority(Role.PARTICIPANT.authority())), participant);
        }
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        Collection<String> roles = jwt.getClaimAsStringList(external.rolesClaim());
        for (String role : roles == null ? List.<String>of() : roles) {
            for (Role known : Role.values()) {
                if (known != Role.PARTICIPANT && known.name().equalsIgnoreCase(role)) {
                    authorities.add(new SimpleGrantedAuthority(known.authority()));
                }
            }
        }
        String party = jwt.getClaimAsString(external.partyClaim());
        if (party != null) {
            authorities.add(new SimpleGrantedAuthority(Caller.PARTY_PREFIX + party));
        }
        String name =
                jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    /**
     * No Spring Security observations, not even no-op ones. {@code management.observations.enable.spring.security:
     * false} makes each observation a no-op, but with a registry present Spring Security still wrapped every
     * filter of every request in an observing decorator: about 4% of a referral's CPU at c=16 (ADR 0015).
     * The hub exports no traces; {@code http.server.requests} is Spring MVC's and stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Before everything else, so an oversized body is refused before any filter reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(SecurityProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(properties.maxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JWKSource<SecurityContext> tokenKeys(SecurityProperties properties, HubProperties hub) {
        JWK key = TokenSigningKey.load(properties.tokenSigningKey(), hub.dataDir());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The hub's tokens: its signature (verified once a token, {@link VerifiedTokens}), its issuer, not expired. */
    @Bean
    JwtDecoder hubTokens(
            JWKSource<SecurityContext> tokenKeys, AuthorizationServerSettings settings, SecurityProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, tokenKeys));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(settings.getIssuer());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, properties.tokenTimeToLive(), 10_000);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> participantClaim() {
        return context -> {
            // The hub's key is EC P-256 (the default would be RS256).
            context.getJwsHeader().algorithm(SignatureAlgorithm.ES256);
            context.getClaims()
                    .claim(PARTICIPANT_CLAIM, context.getRegisteredClient().getClientId());
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties, Environment environment) {
        return AuthorizationServerSettings.builder()
                .issuer(issuer(properties.issuer(), environment))
                .build();
    }

    /**
     * The hub's issuer URL, from configuration only (a request's Host header never decides it): required,
     * except in the demo profile, where it defaults to {@code http://localhost:<server.port>}.
     */
    static String issuer(String configured, Environment environment) {
        if (configured == null || configured.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("demo"))) {
                return "http://localhost:" + environment.getProperty("server.port", "8080");
            }
            throw new IllegalStateException("lintas.security.issuer is required: the hub's public base URL (for example"
                    + " https://lintas.example.go.id), which its tokens name and client assertions address");
        }
        URI uri;
        try {
            uri = new URI(configured.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("lintas.security.issuer: " + configured + " is not a URL", e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalStateException("lintas.security.issuer: " + configured
                    + " is not an http(s) URL with a host and without query or fragment");
        }
        String issuer = configured.trim();
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    @Bean
    RegisteredClientRepository participantClients(ParticipantDirectory participants, SecurityProperties properties) {
        return new ParticipantClients(participants, properties.tokenTimeToLive());
    }

    @Bean
    OAuth2AuthorizationService issuedTokens() {
        return new NoStoredTokens();
    }

    @Bean
    ClientAssertionKeys clientAssertionKeys(JdbcClient jdbc) {
        return new ClientAssertionKeys(jdbc, Clock.systemUTC());
    }

    @Bean
    LoginFailures loginFailures(JdbcClient jdbc, SecurityProperties properties) {
        return new LoginFailures(jdbc, properties.lockout(), Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager accounts(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }
}
