package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes committed outbox rows to their receivers' queues; what fails here stays PENDING and
 * the relay picks it up. Ids travel as text messages: readable by any operator tool that browses.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final ProducerTemplate producer;
    private final DeliveryRepository deliveries;

    OutboxPublisher(ProducerTemplate producer, DeliveryRepository deliveries) {
        this.producer = producer;
        this.deliveries = deliveries;
    }

    /** Call after the transaction that wrote the deliveries has committed. */
    public void publish(List<OwedDelivery> owed) {
        List<UUID> enqueued = new ArrayList<>(owed.size());
        for (OwedDelivery delivery : owed) {
            try {
                producer.sendBody(
                        Endpoints.receiverQueue(delivery.recipientId()),
                        delivery.id().toString());
                enqueued.add(delivery.id());
            } catch (RuntimeException e) {
                log.warn(
                        "Delivery {} to {} not enqueued ({}); the relay will retry",
                        delivery.id(),
                        delivery.recipientId(),
                        e.getClass().getSimpleName());
            }
        }
        try {
            deliveries.markEnqueued(enqueued);
        } catch (RuntimeException e) {
            // On the broker already: a later relay may enqueue a copy, which the delivery's claim makes harmless.
            log.warn(
                    "{} deliveries enqueued but not marked so ({})",
                    enqueued.size(),
                    e.getClass().getSimpleName());
        }
    }
}
