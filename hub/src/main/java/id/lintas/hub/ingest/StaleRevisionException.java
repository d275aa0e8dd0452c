package id.lintas.hub.ingest;

/** A resend with a lower revision than the hub already has. */
public class StaleRevisionException extends RuntimeException {
    public StaleRevisionException(String message) {
        super(message);
    }
}
