package id.lintas.hub.security;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import java.util.List;

/** A request about a participant's keys that the hub refuses; becomes an RFC 9457 problem. */
class KeyProblem extends FieldProblem {

    private KeyProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(status, type, title, detail, errors);
    }

    static KeyProblem invalid(String detail, List<FieldError> errors) {
        return new KeyProblem(422, "key-invalid", "Invalid key", detail, errors);
    }

    static KeyProblem notFound(String what) {
        return new KeyProblem(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    static KeyProblem conflict(String type, String detail, String field) {
        return new KeyProblem(409, type, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    static KeyProblem approvalRefused(String reason) {
        return new KeyProblem(
                403, "approval-refused", "Forbidden", reason, List.of(new FieldError("approver", reason)));
    }
}
