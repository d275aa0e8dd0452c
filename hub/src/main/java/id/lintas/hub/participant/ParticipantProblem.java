package id.lintas.hub.participant;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import java.util.List;

/** The ways a participant change is refused. */
final class ParticipantProblem {

    private ParticipantProblem() {}

    static FieldProblem invalid(List<FieldError> errors) {
        return new FieldProblem(
                422,
                "invalid-participant",
                "Invalid participant",
                "The participant cannot be saved: see errors.",
                errors);
    }

    static FieldProblem notFound(String id) {
        return new FieldProblem(
                404,
                "participant-not-found",
                "Participant not found",
                "There is no participant " + id + ".",
                List.of(new FieldError("id", "no such participant")));
    }

    static FieldProblem conflict(String type, String title, String field, String reason) {
        return new FieldProblem(409, type, title, reason, List.of(new FieldError(field, reason)));
    }
}
