package id.lintas.hub.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.spi.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * The error bodies written outside a controller (the security filters, the servlet container's error
 * page): RFC 9457 problem details on the API, an OperationOutcome under {@code /fhir}, so every 4xx and
 * 5xx of the hub has the same body whoever answered it. Controllers' own errors are rendered by their
 * advice with the same shapes.
 */
public final class ErrorBodies {

    /** Where the problem types are documented. */
    public static final String TYPES = "https://lintas.or.id/problems/";

    public static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {}

    /** True for the FHIR endpoint's paths, whose errors are OperationOutcomes. */
    public static boolean fhir(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    /** The request's path without the context path. */
    public static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /**
     * Writes the error for this request's path, unless the response is already committed.
     *
     * @param type the last segment of the problem type ({@code unauthorized}, {@code not-found})
     */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors)
            throws IOException {
        write(path(request), response, status, type, title, detail, errors);
    }

    /** Writes the error of a request to this path (the container's error page knows the path from an attribute). */
    public static void write(
            String path,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (fhir(path)) {
            response.setContentType(FHIR_JSON.toString());
            response.getWriter().write(operationOutcome(status, detail, errors));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(problem(status, type, title, detail, errors, path));
        }
        response.getWriter().flush();
    }

    /** RFC 9457 problem details. */
    public static String problem(
            int status, String type, String title, String detail, List<FieldError> errors, String instance) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", TYPES + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (errors != null && !errors.isEmpty()) {
            ArrayNode list = problem.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("reason", e.reason()));
        }
        return problem.toString();
    }

    /**
     * A FHIR R4 OperationOutcome: one issue per field error (its {@code expression} and {@code diagnostics}),
     * or one issue with the detail when there are none; the issue code follows the HTTP status.
     */
    public static String operationOutcome(int status, String detail, List<FieldError> errors) {
        ObjectNode outcome = JSON.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        ArrayNode issues = outcome.putArray("issue");
        String code = issueCode(status);
        if (errors == null || errors.isEmpty()) {
            issues.addObject().put("severity", "error").put("code", code).put("diagnostics", detail);
        } else {
            for (FieldError error : errors) {
                ObjectNode issue = issues.addObject()
                        .put("severity", "error")
                        .put("code", code)
                        .put("diagnostics", error.reason());
                issue.putArray("expression").add(error.field());
            }
        }
        return outcome.toString();
    }

    /** The FHIR issue type (http://hl7.org/fhir/issue-type) for an HTTP status. */
    static String issueCode(int status) {
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 409 -> "conflict";
            case 413 -> "too-costly";
            case 429 -> "throttled";
            case 503 -> "transient";
            default -> status >= 500 ? "exception" : "processing";
        };
    }
}
