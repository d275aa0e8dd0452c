package id.lintas.hub.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}, in place of Spring Boot's JSON): what ended in
 * {@code sendError} (the container refusing a request, a filter) is answered as problem details, or as
 * an OperationOutcome under {@code /fhir}. Never an exception's message or a stack trace.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly, not as the container's error page: there is nothing here.
        int status = code == null ? 404 : code instanceof Integer value && value >= 400 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : ErrorBodies.path(request);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = known == null
                ? "error"
                : title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        ErrorBodies.write(
                path,
                response,
                status,
                type,
                title,
                status >= 500 ? "The hub could not process the request." : "The request was refused: " + title + ".",
                List.of());
    }
}
