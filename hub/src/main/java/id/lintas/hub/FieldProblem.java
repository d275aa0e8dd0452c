package id.lintas.hub;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/**
 * A request refused with the fields and reasons: rendered by {@link FieldProblemHandler} as RFC 9457 problem
 * details, so a feature states what is wrong and does not render it. Beside {@link Endpoints}, outside the
 * feature packages, so that any of them can use it without a dependency between them.
 */
public class FieldProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    /**
     * @param type the last segment of the problem type under {@link id.lintas.hub.platform.ErrorBodies#TYPES} ({@code invalid-participant})
     */
    public FieldProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
