package id.lintas.hub.platform;

import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The features' refusals ({@link HubProblem}: agreements, keys) as RFC 9457 problem details, with {@code errors[{field, reason}]}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HubProblemHandler {

    @ExceptionHandler(HubProblem.class)
    ProblemDetail problem(HubProblem e) {
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
