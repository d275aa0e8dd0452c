package id.lintas.hub.security;

import id.lintas.hub.platform.ErrorBodies;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

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
                    log.warn(
                            "event=authentication-unavailable method={} path=\"{}\" remote={}",
                            request.getMethod(),
                            request.getRequestURI(),
                            request.getRemoteAddr());
                    unavailable(request, response);
                    return;
                }
                log.warn(
                        "event=authentication-failed method={} path=\"{}\" remote={} reason=\"{}\"",
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr(),
                        e.getClass().getSimpleName());
                // The delegate sets the status and WWW-Authenticate; the body says the same for people reading it.
                delegate.commence(request, response, e);
                int status = response.getStatus() >= 400 ? response.getStatus() : HttpServletResponse.SC_UNAUTHORIZED;
                ErrorBodies.write(
                        request,
                        response,
                        status,
                        "unauthorized",
                        "Unauthorized",
                        "Authenticate: a participant's"
                                + " system with a bearer token from the hub's token endpoint, a person with their account.",
                        List.of());
            }
        };
    }

    /** 503 with Retry-After: the hub cannot check credentials now. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        ErrorBodies.write(
                request,
                response,
                HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "The hub's database does not answer now. Send the request again in 5 seconds.",
                List.of());
    }

    static AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> {
            log.warn(
                    "event=access-denied method={} path=\"{}\" caller={} reason=\"{}\"",
                    request.getMethod(),
                    request.getRequestURI(),
                    Caller.current().map(Caller::name).orElse("anonymous"),
                    e instanceof AccessDeniedException
                            ? "not allowed for this caller"
                            : e.getClass().getSimpleName());
            ErrorBodies.write(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "This caller may not do this.",
                    List.of());
        };
    }
}
