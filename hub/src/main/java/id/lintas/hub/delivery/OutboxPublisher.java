package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Publishes committed outbox rows to the delivery queue; what fails here the relay picks up. */
@Component
public class OutboxPublisher {

    private final ProducerTemplate producer;

    public OutboxPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Call after the transaction that wrote the deliveries has committed. */
    public void publish(List<UUID> deliveryIds) {
        if (!deliveryIds.isEmpty()) {
            producer.sendBody(Endpoints.OUTBOX_PUBLISH, deliveryIds.stream().map(UUID::toString).toList());
        }
    }
}
