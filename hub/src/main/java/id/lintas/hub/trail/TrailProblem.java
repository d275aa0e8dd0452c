package id.lintas.hub.trail;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/** A trail or search request the hub will not answer, as RFC 9457 problem details naming the field. */
class TrailProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final List<FieldError> errors;

    TrailProblem(int status, String type, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** Not found, or outside the caller's scope: the same answer, so a scope reveals nothing of others' referrals. */
    static TrailProblem notFound(String id) {
        return new TrailProblem(
                404,
                "referral-not-found",
                "no referral " + id + " in your scope",
                List.of(new FieldError("id", "no such referral in your scope")));
    }

    static TrailProblem invalid(String field, String reason) {
        return new TrailProblem(400, "invalid-request", field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    List<FieldError> errors() {
        return errors;
    }
}
