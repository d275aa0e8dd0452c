package id.lintas.hub.security;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.platform.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A suspended participant's system is refused on every call, with a token it got before the suspension
 * too (it gets no new one, see {@link ParticipantClients}): 403 with the reason, as problem details (an
 * OperationOutcome under {@code /fhir}). Its deliveries are held meanwhile, not refused.
 */
final class SuspendedParticipants extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("lintas.security");

    private final ParticipantDirectory participants;

    SuspendedParticipants(ParticipantDirectory participants) {
        this.participants = participants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || !Caller.of(authentication).is(Role.PARTICIPANT)
                || !participants.suspended(Caller.of(authentication).party())) {
            chain.doFilter(request, response);
            return;
        }
        String participant = Caller.of(authentication).party();
        log.warn(
                "event=participant-suspended method={} path=\"{}\" caller={}",
                request.getMethod(),
                request.getRequestURI(),
                participant);
        ErrorBodies.write(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "participant-suspended",
                "Participant suspended",
                "Participant " + participant
                        + " is suspended by the hub's administrators: it neither sends nor receives"
                        + " until it is reinstated.",
                List.of(new FieldError("participant", participant + " is suspended")));
    }
}
