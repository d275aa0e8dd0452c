package id.lintas.hub.audit;

import id.lintas.hub.platform.ErrorBodies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused audit request, answered by Spring MVC as an RFC 9457 problem with {@code errors[{field, reason}]}. */
public class AuditProblem extends ErrorResponseException {

    private AuditProblem(HttpStatus status, String type, String title, String field, String reason) {
        super(status, problem(status, type, title, field, reason), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setType(URI.create(ErrorBodies.TYPES + type));
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    static AuditProblem invalid(String field, String reason) {
        return new AuditProblem(
                HttpStatus.BAD_REQUEST, "invalid-audit-request", "Invalid audit request", field, reason);
    }

    static AuditProblem cosignatureRefused(String field, String reason) {
        return new AuditProblem(
                HttpStatus.UNPROCESSABLE_ENTITY, "cosignature-refused", "Cosignature refused", field, reason);
    }

    /** The caller's scope does not reach what it asked for (an auditor of one party asking for a range of the whole log). */
    public static AuditProblem outOfScope(String field, String reason) {
        return new AuditProblem(HttpStatus.FORBIDDEN, "audit-out-of-scope", "Outside your audit scope", field, reason);
    }

    static AuditProblem notFound(String field, String reason) {
        return new AuditProblem(HttpStatus.NOT_FOUND, "audit-not-found", "Not in the audit log", field, reason);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
