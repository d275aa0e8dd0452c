package id.lintas.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mutual TLS for region systems ({@code lintas.security.mtls-required}): with the connector asking for
 * client certificates ({@code server.ssl.client-auth=want} or {@code need}), a participant's system must
 * present a certificate, verified by the connector against the trust store, whose common name is its
 * participant id, both at the token endpoint and on every call with its token. People are not affected.
 */
final class ClientCertificateBinding extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final boolean required;

    ClientCertificateBinding(boolean required) {
        this.required = required;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String participant = participant(SecurityContextHolder.getContext().getAuthentication());
        if (!required || participant == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> presented = commonName((X509Certificate[]) request.getAttribute(CERTIFICATES));
        if (presented.isPresent() && presented.get().equals(participant)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn(
                "event=client-certificate-refused method={} path=\"{}\" caller={} presented={}",
                request.getMethod(),
                request.getRequestURI(),
                participant,
                presented.orElse("none"));
        id.lintas.hub.platform.ErrorBodies.write(
                request,
                response,
                403,
                "client-certificate",
                "Forbidden",
                "A region system must present its own client certificate.",
                java.util.List.of());
    }

    private static String participant(Authentication authentication) {
        if (authentication instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client.getName();
        }
        if (authentication != null
                && authentication.isAuthenticated()
                && Caller.of(authentication).is(Role.PARTICIPANT)) {
            return Caller.of(authentication).party();
        }
        return null;
    }

    static Optional<String> commonName(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        try {
            for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
