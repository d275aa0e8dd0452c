package id.lintas.hub.platform;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/**
 * A request the hub refuses, answered as an RFC 9457 problem ({@code type}, {@code title},
 * {@code detail}, {@code errors[{field, reason}]}) by {@link HubProblemHandler}. Features throw their own
 * subclasses (agreements, keys).
 */
public class HubProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public HubProblem(int status, String type, String title, String detail, List<FieldError> errors) {
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
