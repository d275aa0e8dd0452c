package id.lintas.hub.delivery;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds deliveries that were recorded but never reached the queue (a crash, a broker outage). */
@Component
class OutboxRelay {

    private final DeliveryRepository deliveries;
    private final DeliveryProperties properties;

    OutboxRelay(DeliveryRepository deliveries, DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    public List<String> unpublished() {
        return deliveries.unpublished(properties.relayGrace(), 100).stream().map(UUID::toString).toList();
    }
}
