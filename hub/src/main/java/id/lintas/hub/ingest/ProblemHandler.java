package id.lintas.hub.ingest;

import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.hub.lifecycle.ReferralNotFoundException;
import id.lintas.hub.lifecycle.StatusChangeRefusedException;
import id.lintas.hub.platform.ErrorBodies;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One error model, rendered as RFC 9457 problem details: {@code type}, {@code title}, {@code detail}
 * and {@code errors: [{field, reason}]}. Bad input is never a 500, and no error body carries a stack
 * trace or a victim's data.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = ErrorBodies.TYPES;

    @ExceptionHandler(InvalidMessageException.class)
    ProblemDetail invalid(InvalidMessageException e) {
        HttpStatus status = e.canonical() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(
                status,
                e.canonical() ? "canonical-invalid" : "invalid-message",
                e.canonical() ? "Translation is not a valid canonical referral" : "Invalid message",
                e.getMessage());
        problem.setProperty("errors", fields(e.errors()));
        return problem;
    }

    @ExceptionHandler(UnknownParticipantException.class)
    ProblemDetail unknownParticipant(UnknownParticipantException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-participant", "Unknown participant", e.getMessage());
    }

    @ExceptionHandler(ReferralNotFoundException.class)
    ProblemDetail notFound(ReferralNotFoundException e) {
        ProblemDetail problem =
                problem(HttpStatus.NOT_FOUND, "referral-not-found", "Referral not found", e.getMessage());
        // Not named: the id was in the path of the hub's own API, not in a region's message.
        String field = e.field() != null ? e.field() : "id";
        problem.setProperty("errors", fields(List.of(new FieldError(field, "no such referral"))));
        return problem;
    }

    @ExceptionHandler(StatusChangeRefusedException.class)
    ProblemDetail statusRefused(StatusChangeRefusedException e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "status-change-refused", "Status change refused", e.getMessage());
        String field = e.field() != null ? e.field() : IntakeFields.CANONICAL.status();
        problem.setProperty("errors", fields(List.of(new FieldError(field, e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(StaleRevisionException.class)
    ProblemDetail stale(StaleRevisionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-revision", "Older revision", e.getMessage());
        String field = e.field() != null ? e.field() : IntakeFields.CANONICAL.revision();
        problem.setProperty("errors", fields(List.of(new FieldError(field, e.getMessage()))));
        return problem;
    }

    @ExceptionHandler(IntakeSaturatedException.class)
    ResponseEntity<ProblemDetail> saturated(IntakeSaturatedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "intake-saturated", "Intake at its limit", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This caller may not do this.");
    }

    /**
     * The database or a timeout of it (also a commit whose outcome is unknown): the caller sends again
     * later, which intake answers idempotently; the sweeper finishes what was kept.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Intake unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "Service unavailable",
                        "The hub's database does not answer now. Send the message again in 5 seconds."));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Class and place only: an exception message could quote a payload.
        StackTraceElement[] trace = e.getStackTrace();
        log.error("Unexpected error {} at {}", e.getClass().getName(), trace.length > 0 ? trace[0] : "unknown");
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The hub could not process the request; the message was kept and operators are alerted.");
    }

    /**
     * Spring MVC's own refusals (unknown path, wrong method or media type, unreadable body): a problem type
     * of the hub's instead of {@code about:blank}, and an OperationOutcome under {@code /fhir}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof NoResourceFoundException) {
            body = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such path.");
        } else if (body == null && e instanceof org.springframework.web.ErrorResponse error) {
            body = error.getBody();
        }
        String path = request instanceof ServletWebRequest servlet ? ErrorBodies.path(servlet.getRequest()) : "";
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                String title = problem.getTitle() == null ? "error" : problem.getTitle();
                problem.setType(
                        URI.create(TYPES + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
            }
            if (ErrorBodies.fhir(path)) {
                return ResponseEntity.status(status)
                        .headers(headers)
                        .contentType(ErrorBodies.FHIR_JSON)
                        .body(ErrorBodies.operationOutcome(status.value(), problem.getDetail(), List.of()));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static List<Map<String, String>> fields(List<FieldError> errors) {
        return errors.stream()
                .map(e -> Map.of("field", e.field(), "reason", e.reason()))
                .toList();
    }
}
