package id.lintas.hub.delivery;

import id.lintas.contracts.spi.TranslationException;
import java.io.UncheckedIOException;

/**
 * What a failed delivery may say where people read it (the log, {@code delivery.last_error}, the
 * referral's history, the broker's listener): the hub's own messages, which name statuses, hosts and
 * fields, and for anything else its type only, since a library's message may quote the document.
 */
final class DeliveryFailures {

    private DeliveryFailures() {}

    static String reason(Exception failure) {
        if (failure instanceof TransientDeliveryException
                || failure instanceof PermanentDeliveryException
                || failure instanceof TranslationException
                || failure instanceof UncheckedIOException) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName();
    }

    /**
     * The failure to hand back to the broker: one whose message and causes hold nothing but
     * {@link #reason}. Only a receiver's failure stays a {@link TransientDeliveryException} (which its
     * circuit breaker counts); the hub's own (a value that does not decrypt, a full disk) does not.
     */
    static RuntimeException withoutDetail(RuntimeException failure) {
        if (failure instanceof TransientDeliveryException) {
            return failure.getCause() == null ? failure : new TransientDeliveryException(reason(failure), null);
        }
        return new IllegalStateException(reason(failure));
    }
}
