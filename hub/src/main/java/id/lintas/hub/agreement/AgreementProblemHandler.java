package id.lintas.hub.agreement;

import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Agreement and key problems as RFC 9457 problem details, with {@code errors[{field, reason}]}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgreementProblemHandler {

    @ExceptionHandler(AgreementProblem.class)
    ProblemDetail problem(AgreementProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("https://lintas.or.id/problems/" + e.type()));
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "reason", f.reason()))
                    .toList());
        }
        return problem;
    }
}
