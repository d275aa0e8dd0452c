package id.lintas.hub.ingest;

import java.util.UUID;

/** A resend with a lower revision than the hub already has. */
public class StaleRevisionException extends RuntimeException {

    private final UUID referralId;

    public StaleRevisionException(String message, UUID referralId) {
        super(message);
        this.referralId = referralId;
    }

    /** The referral the hub already has for this case: the refusal belongs to its trail. */
    public UUID referralId() {
        return referralId;
    }
}
