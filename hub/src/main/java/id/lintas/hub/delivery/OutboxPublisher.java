package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
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
 * The marker waits up to {@link #MARK_LINGER} for more ids before it writes: one at a time, each id
 * would be its own statement and commit (at 150 referrals a second, one more transaction a referral).
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int MARKS_PER_STATEMENT = 500;
    /** How long the marker gathers ids before it writes them: far inside the relay's grace. */
    static final Duration MARK_LINGER = Duration.ofMillis(200);

    private final ProducerTemplate producer;
    private final DeliveryRepository deliveries;
    private final BlockingQueue<UUID> toMark = new LinkedBlockingQueue<>(100_000);
    private final Thread marker;
    /** The marker thread's batch; read by {@link #stop()} only once that thread has ended. */
    private final List<UUID> gathered = new ArrayList<>(MARKS_PER_STATEMENT);

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
        while (!Thread.currentThread().isInterrupted()) {
            try {
                gathered.add(toMark.take());
                gather(gathered);
            } catch (InterruptedException e) {
                // Stopping: what was gathered is marked by stop(), on its own (uninterrupted) thread.
                Thread.currentThread().interrupt();
                return;
            }
            mark(gathered);
            gathered.clear();
        }
    }

    /** Adds what arrives within {@link #MARK_LINGER} of the first id, up to a statement's worth. */
    private void gather(List<UUID> batch) throws InterruptedException {
        long until = System.nanoTime() + MARK_LINGER.toNanos();
        toMark.drainTo(batch, MARKS_PER_STATEMENT - batch.size());
        while (batch.size() < MARKS_PER_STATEMENT) {
            long left = until - System.nanoTime();
            UUID next = left > 0 ? toMark.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            toMark.drainTo(batch, MARKS_PER_STATEMENT - batch.size());
        }
    }

    private void mark(List<UUID> batch) {
        if (batch.isEmpty()) {
            return;
        }
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
        if (!marker.isAlive()) {
            rest.addAll(gathered);
        }
        toMark.drainTo(rest);
        if (!rest.isEmpty()) {
            mark(rest);
        }
    }
}
