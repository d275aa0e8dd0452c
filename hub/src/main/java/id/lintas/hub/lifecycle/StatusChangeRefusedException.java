package id.lintas.hub.lifecycle;

/** A status change the participant may not make, or not from the referral's current status. */
public class StatusChangeRefusedException extends RuntimeException {
    public StatusChangeRefusedException(String message) {
        super(message);
    }
}
