package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import id.lintas.hub.participant.ParticipantDirectory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One delivery route per receiver, each consuming the receiver's own queue in a JMS transaction
 * with its own consumers and circuit breaker: a transient failure rolls the message back to the
 * broker, which redelivers it with backoff; a hung or dead receiver holds only its own consumers.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    static final String RECEIVER = "lintasReceiver";

    private final ParticipantDirectory participants;
    private final ReceiverCircuits circuits;

    DeliveryRoutes(ParticipantDirectory participants, ReceiverCircuits circuits) {
        this.participants = participants;
        this.circuits = circuits;
    }

    @Override
    public void configure() {
        for (ParticipantDirectory.Connected receiver : participants.all()) {
            from(Endpoints.receiverConsumer(receiver.id()))
                    .routeId("delivery-send-" + receiver.id())
                    .routePolicy(circuits.policy(receiver.id()))
                    .errorHandler(noErrorHandler())
                    .bean(DeliveryService.class, "deliver(${body})").id("delivery-render-and-send-" + receiver.id())
                    // Held by another consumer: back to the broker for later, quietly (not a receiver failure).
                    .filter(body().isEqualTo(DeliveryService.Outcome.BUSY))
                        .markRollbackOnly()
                    .end();
        }

        // What the broker gave up on (its attempt limit is above the hub's): recorded as DEAD, never dropped unseen.
        from(Endpoints.DELIVERY_DLQ_CONSUMER)
                .routeId("delivery-dead-letters")
                .bean(DeadLetters.class, "record(${body})");

        // Deliveries queued by a hub before per-receiver queues: moved to their receiver's queue.
        from(Endpoints.LEGACY_DELIVERY_CONSUMER)
                .routeId("delivery-legacy-queue")
                .errorHandler(noErrorHandler())
                .setHeader(RECEIVER, method(DeadLetters.class, "receiverOf(${body})"))
                .filter(header(RECEIVER).isNotNull())
                    .toD("jms:queue:" + Endpoints.RECEIVER_QUEUE_PREFIX + "${header." + RECEIVER + "}").id("delivery-legacy-requeue")
                .end();
    }
}
