package id.lintas.hub.delivery;

/** The receiver refused the document for good (4xx other than a duplicate): retrying cannot help. */
public class PermanentDeliveryException extends RuntimeException {
    public PermanentDeliveryException(String message) {
        super(message);
    }
}
