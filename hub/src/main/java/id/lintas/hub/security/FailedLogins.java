package id.lintas.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles guessing before anything expensive runs: a request that carries credentials (HTTP Basic, a
 * bearer token, a client assertion at the token endpoint) from a locked remote address, for a locked
 * account or client, is answered 429 with {@code Retry-After} before the password hash or the signature
 * is checked. Afterwards a 401 counts as a failure of the address and of the account or client it named;
 * any other answer clears the account's or client's failures (never the address's, which another
 * account could otherwise clear). The counts are in PostgreSQL ({@link LoginFailures}).
 */
final class FailedLogins extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");
    /** Names in keys are cut to this length: they come from the request. */
    private static final int MAX_NAME = 200;

    private final LoginFailures failures;

    FailedLogins(LoginFailures failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String named = namedAccount(request);
        boolean credentials = named != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (!credentials) {
            chain.doFilter(request, response);
            return;
        }
        String address = LoginFailures.ADDRESS + request.getRemoteAddr();
        List<String> keys = new ArrayList<>(List.of(address));
        if (named != null) {
            keys.add(named);
        }
        Map<String, LoginFailures.State> states;
        try {
            states = failures.states(keys);
        } catch (DataAccessException | TransactionException databaseDown) {
            // No login can be checked without the database either: say so, as every intake does.
            SecurityLog.unavailable(request, response);
            return;
        }
        Duration locked = failures.lockedFor(states);
        if (!locked.isZero()) {
            long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
            log.warn(
                    "event=login-throttled method={} path=\"{}\" remote={} account={} retry-after={}",
                    request.getMethod(),
                    request.getRequestURI(),
                    request.getRemoteAddr(),
                    named == null ? "none" : named,
                    seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            id.lintas.hub.platform.ErrorBodies.write(
                    request,
                    response,
                    429,
                    "too-many-failures",
                    "Too many failed authentications",
                    "Too many failed authentications for this account, client or address; retry after " + seconds
                            + " s.",
                    List.of());
            return;
        }
        chain.doFilter(request, response);
        try {
            if (response.getStatus() == 401) {
                failures.failed(keys);
            } else if (named != null && states.containsKey(named)) {
                failures.succeeded(List.of(named));
            }
        } catch (DataAccessException | TransactionException databaseDown) {
            log.warn(
                    "event=login-failure-not-counted remote={} reason=\"{}\"",
                    request.getRemoteAddr(),
                    databaseDown.getClass().getSimpleName());
        }
    }

    /** The account (HTTP Basic) or client (token endpoint) the request claims to be, unverified. */
    private static String namedAccount(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return "account:" + cut(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && request.getParameter("client_assertion") != null) {
            String client = request.getParameter("client_id");
            return "client:" + cut(client == null ? "" : client);
        }
        return null;
    }

    private static String cut(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
