package id.lintas.hub.agreement;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import java.util.List;

/**
 * A request about agreements that the hub refuses; becomes an RFC 9457 problem.
 *
 * @see id.lintas.hub.FieldProblem
 */
public class AgreementProblem extends FieldProblem {

    public AgreementProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(status, type, title, detail, errors);
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
}
