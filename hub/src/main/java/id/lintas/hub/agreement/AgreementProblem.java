package id.lintas.hub.agreement;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/**
 * A request about agreements or keys that the hub refuses; becomes an RFC 9457 problem.
 *
 * @see AgreementProblemHandler
 */
public class AgreementProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public AgreementProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static AgreementProblem invalid(String detail, List<FieldError> errors) {
        return new AgreementProblem(422, "agreement-invalid", "Invalid agreement", detail, errors);
    }

    static AgreementProblem notFound(String what) {
        return new AgreementProblem(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    static AgreementProblem conflict(String type, String detail, String field) {
        return new AgreementProblem(409, type, "Conflict", detail, List.of(new FieldError(field, detail)));
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
