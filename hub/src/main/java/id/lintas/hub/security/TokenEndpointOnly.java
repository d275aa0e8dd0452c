package id.lintas.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embedded authorization server serves one thing: the token endpoint, for the client-credentials
 * grant with {@code private_key_jwt}. Its other endpoints (authorization, introspection, revocation,
 * device authorization, pushed authorization requests, metadata, JWK set) are used by nobody and answer
 * 404 to everyone, before Spring Authorization Server sees the request.
 */
final class TokenEndpointOnly extends OncePerRequestFilter {

    private final RequestMatcher tokenEndpoint;

    TokenEndpointOnly(String tokenEndpointPath) {
        this.tokenEndpoint = PathPatternRequestMatcher.withDefaults().matcher(tokenEndpointPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenEndpoint.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(404);
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"The hub's authorization server has only the token endpoint.\"}");
    }
}
