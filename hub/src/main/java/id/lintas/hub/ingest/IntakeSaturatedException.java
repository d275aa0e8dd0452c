package id.lintas.hub.ingest;

/**
 * Intake is taking in as many messages as the hub allows at once, and the request's turn did not come
 * within the wait: the sender is asked to send again after {@link #retryAfterSeconds()}. Nothing of the
 * request was kept.
 */
public class IntakeSaturatedException extends RuntimeException {

    private final long retryAfterSeconds;

    IntakeSaturatedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
