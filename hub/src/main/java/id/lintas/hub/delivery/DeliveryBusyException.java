package id.lintas.hub.delivery;

/**
 * Another consumer (on this or another hub instance) holds the claim on this delivery and its lease
 * has not run out: the broker redelivers the message later, when the holder has finished (and the
 * message is then dropped) or died (and the claim can be taken over). Not a receiver failure.
 */
class DeliveryBusyException extends RuntimeException {
    DeliveryBusyException(String message) {
        super(message, null, false, false);
    }
}
