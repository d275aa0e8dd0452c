package id.lintas.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.IntakeFields;
import id.lintas.hub.ingest.IntakeSaturatedException;
import id.lintas.hub.ingest.InvalidMessageException;
import id.lintas.hub.ingest.StaleRevisionException;
import id.lintas.hub.ingest.UnknownParticipantException;
import id.lintas.hub.lifecycle.ReferralNotFoundException;
import id.lintas.hub.lifecycle.StatusChangeRefusedException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the FHIR endpoint as FHIR answers them: an OperationOutcome whose issues carry the
 * element path ({@code issue.expression}) and the reason ({@code issue.diagnostics}); the same error
 * model as the problem details of the other APIs, another rendering.
 */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OperationOutcomes.class);

    private final FhirContext fhir;

    OperationOutcomes(FhirContext fhir) {
        this.fhir = fhir;
    }

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<String> invalid(InvalidMessageException e) {
        return answer(e.canonical() ? 422 : 400, OperationOutcome.IssueType.INVALID, e.errors());
    }

    @ExceptionHandler(UnknownParticipantException.class)
    ResponseEntity<String> unknown(UnknownParticipantException e) {
        return answer(
                404,
                OperationOutcome.IssueType.NOTFOUND,
                List.of(new FieldError("MessageHeader.sender", e.getMessage())));
    }

    @ExceptionHandler(ReferralNotFoundException.class)
    ResponseEntity<String> notFound(ReferralNotFoundException e) {
        String field = e.field() != null ? e.field() : IntakeFields.CANONICAL.hubReferralId();
        return answer(404, OperationOutcome.IssueType.NOTFOUND, List.of(new FieldError(field, "no such referral")));
    }

    @ExceptionHandler(StatusChangeRefusedException.class)
    ResponseEntity<String> statusRefused(StatusChangeRefusedException e) {
        return conflict(e.field() != null ? e.field() : IntakeFields.CANONICAL.status(), e);
    }

    @ExceptionHandler(StaleRevisionException.class)
    ResponseEntity<String> stale(StaleRevisionException e) {
        return conflict(e.field() != null ? e.field() : IntakeFields.CANONICAL.revision(), e);
    }

    private ResponseEntity<String> conflict(String field, RuntimeException e) {
        return answer(409, OperationOutcome.IssueType.BUSINESSRULE, List.of(new FieldError(field, e.getMessage())));
    }

    /** Intake at its limit: the sender sends again after {@code Retry-After}. */
    @ExceptionHandler(IntakeSaturatedException.class)
    ResponseEntity<String> saturated(IntakeSaturatedException e) {
        ResponseEntity<String> outcome =
                answer(503, OperationOutcome.IssueType.THROTTLED, List.of(new FieldError("Bundle", e.getMessage())));
        return ResponseEntity.status(outcome.getStatusCode())
                .headers(outcome.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(outcome.getBody());
    }

    /** An empty or unreadable body: found by {@code EndpointFuzzIT} (it was a 500). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return answer(
                400,
                OperationOutcome.IssueType.STRUCTURE,
                List.of(new FieldError(
                        "Bundle", "the body is missing or cannot be read; send a FHIR message Bundle in JSON")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> forbidden(AccessDeniedException e) {
        return answer(
                403,
                OperationOutcome.IssueType.FORBIDDEN,
                List.of(new FieldError("MessageHeader.sender", e.getMessage())));
    }

    /** The database or a timeout of it: the sender sends again later. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<String> unavailable(Exception e) {
        log.warn("Intake unavailable: {}", e.getClass().getSimpleName());
        ResponseEntity<String> answer = answer(
                503,
                OperationOutcome.IssueType.TRANSIENT,
                List.of(new FieldError(
                        "Bundle", "the hub's database does not answer now; send the message again in 5 seconds")));
        return ResponseEntity.status(503)
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(answer.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        StackTraceElement[] trace = e.getStackTrace();
        log.error("Unexpected error {} at {}", e.getClass().getName(), trace.length > 0 ? trace[0] : "unknown");
        return answer(
                500,
                OperationOutcome.IssueType.EXCEPTION,
                List.of(new FieldError(
                        "Bundle", "the hub could not process the message; it was kept and operators are alerted")));
    }

    private ResponseEntity<String> answer(int status, OperationOutcome.IssueType type, List<FieldError> errors) {
        OperationOutcome outcome = new OperationOutcome();
        for (FieldError error : errors) {
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(type)
                    .setDiagnostics(error.reason())
                    .addExpression(error.field());
        }
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, FhirController.FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(outcome));
    }
}
