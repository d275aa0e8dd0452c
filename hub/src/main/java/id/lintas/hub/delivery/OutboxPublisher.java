package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes committed outbox rows to their receivers' queues; what fails here stays PENDING and
 * the relay picks it up. Ids travel as text messages: readable by any operator tool that browses.
 *
 * <p>Published deliveries are marked ENQUEUED off the caller's thread, many in one statement: the mark
 * only keeps the relay from publishing them again, so it need not hold up the 202, nor cost a
 * transaction a referral. A mark that is late changes nothing (a claimed delivery is no longer PENDING);
 * one lost to a crash lets the relay publish a copy after its grace, which the claim makes harmless.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int MARKS_PER_STATEMENT = 500;

    private final ProducerTemplate producer;
    private final DeliveryRepository deliveries;
    private final BlockingQueue<UUID> toMark = new LinkedBlockingQueue<>(100_000);
    private final Thread marker;

    OutboxPublisher(ProducerTemplate producer, DeliveryRepository deliveries) {
        this.producer = producer;
        this.deliveries = deliveries;
        this.marker = new Thread(this::markInBatches, "lintas-outbox-marks");
        marker.setDaemon(true);
        marker.start();
    }

    /** Call after the transaction that wrote the deliveries has committed. */
    public void publish(List<OwedDelivery> owed) {
        for (OwedDelivery delivery : owed) {
            try {
                producer.sendBody(
                        Endpoints.receiverQueue(delivery.recipientId()),
                        delivery.id().toString());
                if (!toMark.offer(delivery.id())) {
                    log.debug("Delivery {} enqueued, its mark dropped (the marks are behind)", delivery.id());
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Delivery {} to {} not enqueued ({}); the relay will retry",
                        delivery.id(),
                        delivery.recipientId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void markInBatches() {
        List<UUID> batch = new ArrayList<>(MARKS_PER_STATEMENT);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(toMark.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            toMark.drainTo(batch, MARKS_PER_STATEMENT - 1);
            mark(batch);
            batch.clear();
        }
    }

    private void mark(List<UUID> batch) {
        try {
            deliveries.markEnqueued(batch);
        } catch (RuntimeException e) {
            // On the broker already: a later relay may enqueue a copy, which the delivery's claim makes harmless.
            log.warn(
                    "{} deliveries enqueued but not marked so ({})",
                    batch.size(),
                    e.getClass().getSimpleName());
        }
    }

    /** The marks still waiting are written before the hub stops, where the database still answers. */
    @PreDestroy
    void stop() throws InterruptedException {
        marker.interrupt();
        marker.join(TimeUnit.SECONDS.toMillis(5));
        List<UUID> rest = new ArrayList<>();
        toMark.drainTo(rest);
        if (!rest.isEmpty()) {
            mark(rest);
        }
    }
}
