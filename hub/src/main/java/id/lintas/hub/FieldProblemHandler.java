package id.lintas.hub;

import id.lintas.hub.platform.ErrorBodies;
import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A {@link FieldProblem} from any controller as RFC 9457 problem details with {@code errors[{field, reason}]}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FieldProblemHandler {

    @ExceptionHandler(FieldProblem.class)
    ProblemDetail problem(FieldProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create(ErrorBodies.TYPES + e.type()));
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty(
                    "errors",
                    e.errors().stream()
                            .map(f -> Map.of("field", f.field(), "reason", f.reason()))
                            .toList());
        }
        return problem;
    }
}
