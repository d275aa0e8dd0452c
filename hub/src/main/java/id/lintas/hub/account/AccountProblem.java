package id.lintas.hub.account;

import id.lintas.contracts.spi.FieldError;
import id.lintas.hub.FieldProblem;
import java.util.List;

/** An account change refused: the HTTP status, a problem type and the fields with their reasons. */
class AccountProblem extends FieldProblem {

    AccountProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(status, type, title, detail, errors);
    }

    static AccountProblem invalid(List<FieldError> errors) {
        return new AccountProblem(
                422, "invalid-account", "Invalid account", "The account cannot be saved: see errors.", errors);
    }

    static AccountProblem notFound(String username) {
        return new AccountProblem(
                404,
                "account-not-found",
                "Account not found",
                "There is no such account.",
                List.of(new FieldError("username", "no such account")));
    }

    static AccountProblem conflict(String type, String title, String field, String reason) {
        return new AccountProblem(409, type, title, reason, List.of(new FieldError(field, reason)));
    }

    static AccountProblem ownAccount(String reason) {
        return new AccountProblem(
                403,
                "separation-of-duties",
                "Separation of duties",
                reason,
                List.of(new FieldError("username", reason)));
    }
}
