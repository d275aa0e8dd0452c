package id.lintas.contracts.spi;

import java.util.Optional;

/** An adapter whose region sends one message per request (HTTP). */
public interface MessageReader extends RegionAdapter {

    /** Reads one referral sent by {@code sender}. Malformed or invalid content: a field error. */
    CanonicalReferral readReferral(byte[] body, Participant sender) throws TranslationException;

    /** Reads one status change sent by {@code sender}. */
    StatusChange readStatus(byte[] body, Participant sender) throws TranslationException;

    @Override
    default Optional<MessageReader> messageReader() {
        return Optional.of(this);
    }
}
