package id.lintas.hub.account;

import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused account changes as RFC 9457 problem details with {@code errors[{field, reason}]}. */
@RestControllerAdvice(assignableTypes = AccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblemHandler {

    @ExceptionHandler(AccountProblem.class)
    ProblemDetail problem(AccountProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create(id.lintas.hub.platform.ErrorBodies.TYPES + e.type()));
        problem.setTitle(e.title());
        problem.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
        return problem;
    }
}
