package id.lintas.hub.delivery;

/** The receiver could not take the document now (down, 5xx, timeout): try again later. */
public class TransientDeliveryException extends RuntimeException {
    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
