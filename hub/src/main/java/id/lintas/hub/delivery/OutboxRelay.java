package id.lintas.hub.delivery;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Finds deliveries that were recorded but never reached the queue (a crash, a broker outage). */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DeliveryRepository deliveries;
    private final OutboxPublisher publisher;
    private final DeliveryProperties properties;

    OutboxRelay(DeliveryRepository deliveries, OutboxPublisher publisher, DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.properties = properties;
    }

    public void relay() {
        List<OwedDelivery> unpublished = deliveries.unpublished(properties.relayGrace(), 500);
        if (!unpublished.isEmpty()) {
            log.info("Relaying {} unpublished deliveries", unpublished.size());
            publisher.publish(unpublished);
        }
    }
}
