package id.lintas.hub.delivery;

import java.util.UUID;

/** A delivery written to the outbox, with the receiver whose queue it goes to once committed. */
public record OwedDelivery(UUID id, String recipientId) {}
