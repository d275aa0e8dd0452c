package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import id.lintas.hub.participant.ParticipantChanged;
import id.lintas.hub.participant.ParticipantDirectory;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One delivery route per receiver, each consuming the receiver's own queue in a JMS transaction
 * with its own consumers and circuit breaker: a transient failure rolls the message back to the
 * broker, which redelivers it with backoff; a hung or dead receiver holds only its own consumers.
 * A participant connected at run time gets its route then; a suspended one has none (its messages wait
 * on its queue) until it is reinstated.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    static final String RECEIVER = "lintasReceiver";
    private static final String SEND_ROUTE = "delivery-send-";
    private static final Logger log = LoggerFactory.getLogger(DeliveryRoutes.class);

    private final ParticipantDirectory participants;
    private final ReceiverCircuits circuits;
    private final DeliveryProperties properties;

    DeliveryRoutes(ParticipantDirectory participants, ReceiverCircuits circuits, DeliveryProperties properties) {
        this.participants = participants;
        this.circuits = circuits;
        this.properties = properties;
    }

    @Override
    public void configure() {
        for (ParticipantDirectory.Connected receiver : participants.active()) {
            sendRoute(this, receiver.id(), circuits, properties);
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
                .toD("jms:queue:" + Endpoints.RECEIVER_QUEUE_PREFIX + "${header." + RECEIVER + "}")
                .id("delivery-legacy-requeue")
                .end();
    }

    /** The receiver's route: its queue, its consumers, its circuit, its sends. */
    private static void sendRoute(
            RouteBuilder builder, String receiver, ReceiverCircuits circuits, DeliveryProperties properties) {
        builder.from(Endpoints.receiverConsumer(receiver, properties.consumersFor(receiver)))
                .routeId(SEND_ROUTE + receiver)
                .routePolicy(circuits.policy(receiver))
                .errorHandler(builder.noErrorHandler())
                .bean(DeliveryService.class, "deliver(${body})")
                .id("delivery-render-and-send-" + receiver)
                // Held by another consumer: back to the broker for later, quietly (not a receiver failure).
                .filter(builder.body().isEqualTo(DeliveryService.Outcome.BUSY))
                .markRollbackOnly()
                .end();
    }

    /** A receiver connected, suspended or reinstated at run time: its route is added or removed. */
    @EventListener
    void participantChanged(ParticipantChanged change) throws Exception {
        String receiver = change.id();
        boolean running = getCamelContext().getRoute(SEND_ROUTE + receiver) != null;
        if (!change.after().suspended() && !running) {
            getCamelContext().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    sendRoute(this, receiver, circuits, properties);
                }
            });
            log.info("Deliveries to {} started", receiver);
        } else if (change.after().suspended() && running) {
            // Stopped gracefully: a send in progress ends; what waits stays on the receiver's queue.
            getCamelContext().getRouteController().stopRoute(SEND_ROUTE + receiver, 30, TimeUnit.SECONDS);
            getCamelContext().removeRoute(SEND_ROUTE + receiver);
            circuits.forget(receiver);
            log.info("Deliveries to {} held: the participant is suspended", receiver);
        }
    }
}
