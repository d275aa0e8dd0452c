package id.lintas.contracts.spi;

import java.util.List;
import java.util.stream.Collectors;

/** A message the adapter cannot translate; carries every field error it found. */
public class TranslationException extends Exception {

    private final List<FieldError> errors;

    public TranslationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a translation error needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public TranslationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
