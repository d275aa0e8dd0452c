package id.lintas.hub.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * The structured security log ({@code lintas.security}): one line per failed authentication and per
 * refused access, as {@code key=value} pairs with the method, the path, the caller and the reason.
 * Never a request body, a token or a password, so never a victim's data.
 */
public final class SecurityLog {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");

    private SecurityLog() {}

    /** Logs a refusal decided in application code (another region's referral, a party one does not sign for). */
    public static void refused(String what, String reason) {
        String caller = Caller.current().map(Caller::name).orElse("anonymous");
        log.warn("event=access-refused caller={} what=\"{}\" reason=\"{}\"", caller, what, reason);
    }

    static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint delegate) {
        return new AuthenticationEntryPoint() {
            @Override
            public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                    throws IOException, ServletException {
                if (e instanceof InternalAuthenticationServiceException) {
                    // The accounts could not be read (the database does not answer): not the caller's fault.
                    log.warn("event=authentication-unavailable method={} path=\"{}\" remote={}", request.getMethod(),
                            request.getRequestURI(), request.getRemoteAddr());
                    unavailable(response);
                    return;
                }
                log.warn("event=authentication-failed method={} path=\"{}\" remote={} reason=\"{}\"", request.getMethod(),
                        request.getRequestURI(), request.getRemoteAddr(), e.getClass().getSimpleName());
                delegate.commence(request, response, e);
            }
        };
    }

    /** 503 with Retry-After: the hub cannot check credentials now. */
    static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://lintas.or.id/problems/unavailable\",\"title\":\"Service unavailable\","
                + "\"status\":503,\"detail\":\"The hub's database does not answer now. Send the request again in 5 seconds.\"}");
    }

    static AccessDeniedHandler deniedHandler() {
        AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            log.warn("event=access-denied method={} path=\"{}\" caller={} reason=\"{}\"", request.getMethod(),
                    request.getRequestURI(), Caller.current().map(Caller::name).orElse("anonymous"),
                    e instanceof AccessDeniedException ? "not allowed for this caller" : e.getClass().getSimpleName());
            delegate.handle(request, response, e);
        };
    }
}
