package id.lintas.hub.ingest;

import id.lintas.contracts.spi.FieldError;
import java.util.List;

/** A message refused because of its content; carries the fields and reasons for the sender. */
public class InvalidMessageException extends RuntimeException {

    private final List<FieldError> errors;
    private final boolean canonical;

    public InvalidMessageException(String message, List<FieldError> errors, boolean canonical) {
        super(message);
        this.errors = List.copyOf(errors);
        this.canonical = canonical;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** True when the message was readable but its translation is not a valid canonical referral. */
    public boolean canonical() {
        return canonical;
    }
}
