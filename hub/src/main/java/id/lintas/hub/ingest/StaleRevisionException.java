package id.lintas.hub.ingest;

/** A resend with a lower revision than the hub already has. */
public class StaleRevisionException extends RuntimeException {

    private final String field;

    public StaleRevisionException(String message) {
        this(message, null);
    }

    private StaleRevisionException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The same refusal, naming the sender's revision field. */
    StaleRevisionException naming(String revisionField) {
        return new StaleRevisionException(getMessage(), revisionField);
    }

    /** The sender's name of its revision field, or null when not yet named. */
    public String field() {
        return field;
    }
}
