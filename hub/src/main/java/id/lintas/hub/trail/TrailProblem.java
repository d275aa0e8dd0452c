package id.lintas.hub.trail;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import java.util.List;

/** A trail or search request the hub will not answer, as RFC 9457 problem details naming the field. */
class TrailProblem extends FieldProblem {

    private TrailProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(status, type, title, detail, errors);
    }

    /** Not found, or outside the caller's scope: the same answer, so a scope reveals nothing of others' referrals. */
    static TrailProblem notFound(String id) {
        return new TrailProblem(
                404,
                "referral-not-found",
                "Referral not found",
                "no referral " + id + " in your scope",
                List.of(new FieldError("id", "no such referral in your scope")));
    }

    static TrailProblem invalid(String field, String reason) {
        return new TrailProblem(
                400,
                "invalid-request",
                "Invalid request",
                field + ": " + reason,
                List.of(new FieldError(field, reason)));
    }
}
