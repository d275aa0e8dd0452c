package id.lintas.hub.ingest;

import java.util.UUID;

/** A resend with a lower revision than the hub already has. */
public class StaleRevisionException extends RuntimeException {

    private final UUID referralId;
    private final String field;

    public StaleRevisionException(String message, UUID referralId) {
        this(message, referralId, null);
    }

    private StaleRevisionException(String message, UUID referralId, String field) {
        super(message);
        this.referralId = referralId;
        this.field = field;
    }

    /** The referral the hub already has for this case: the refusal belongs to its trail. */
    public UUID referralId() {
        return referralId;
    }

    /** The same refusal, naming the sender's revision field. */
    StaleRevisionException naming(String revisionField) {
        return new StaleRevisionException(getMessage(), referralId, revisionField);
    }

    /** The sender's name of its revision field, or null when not yet named. */
    public String field() {
        return field;
    }
}
