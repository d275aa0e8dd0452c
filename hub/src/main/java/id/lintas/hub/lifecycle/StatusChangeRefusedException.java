package id.lintas.hub.lifecycle;

/** A status change the participant may not make, or not from the referral's current status. */
public class StatusChangeRefusedException extends RuntimeException {

    private final String field;

    public StatusChangeRefusedException(String message) {
        this(message, null);
    }

    private StatusChangeRefusedException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The same refusal, naming the sender's status field. */
    public StatusChangeRefusedException naming(String statusField) {
        return new StatusChangeRefusedException(getMessage(), statusField);
    }

    /** The sender's name of its status field, or null when not named. */
    public String field() {
        return field;
    }
}
