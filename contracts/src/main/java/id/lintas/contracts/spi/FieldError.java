package id.lintas.contracts.spi;

import java.util.Objects;

/**
 * One reason a message was refused: the field in the sender's own terms (a JSON path such as
 * {@code korban[0].tgl_lahir}, a CSV column such as {@code Tgl Lahir Korban}) and why.
 * The reason must never quote a victim's identifying value.
 */
public record FieldError(String field, String reason) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
