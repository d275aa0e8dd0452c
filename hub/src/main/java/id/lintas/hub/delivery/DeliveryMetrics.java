package id.lintas.hub.delivery;

import id.lintas.hub.participant.ParticipantChanged;
import id.lintas.hub.participant.ParticipantDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each receiver's backlog as gauges: deliveries waiting, the age of the oldest, and the dead ones.
 * One query feeds all of them, at most every few seconds however often they are scraped.
 */
@Component
class DeliveryMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final DeliveryRepository deliveries;
    private final MeterRegistry meters;
    private volatile Map<String, DeliveryRepository.Backlog> snapshot = Map.of();
    private volatile Instant takenAt = Instant.EPOCH;

    DeliveryMetrics(DeliveryRepository deliveries, MeterRegistry meters, ParticipantDirectory participants) {
        this.deliveries = deliveries;
        this.meters = meters;
        for (ParticipantDirectory.Connected participant : participants.all()) {
            gauges(participant.id());
        }
    }

    /** A receiver connected at run time gets its gauges. */
    @EventListener
    void participantChanged(ParticipantChanged change) {
        if (change.added()) {
            gauges(change.id());
        }
    }

    private void gauges(String receiver) {
        gauge(meters, "lintas.delivery.backlog", "deliveries waiting for the receiver", receiver, b -> b.waiting());
        gauge(
                meters,
                "lintas.delivery.oldest.waiting.seconds",
                "age of the receiver's oldest waiting delivery",
                receiver,
                b -> b.oldestWaiting() == null
                        ? 0
                        : Duration.between(b.oldestWaiting(), Instant.now()).toSeconds());
        gauge(
                meters,
                "lintas.delivery.dead",
                "deliveries to the receiver that are dead, until re-driven",
                receiver,
                b -> b.dead());
    }

    private void gauge(
            MeterRegistry meters,
            String name,
            String description,
            String receiver,
            ToDoubleFunction<DeliveryRepository.Backlog> value) {
        Gauge.builder(name, () -> {
                    DeliveryRepository.Backlog backlog = backlogs().get(receiver);
                    return backlog == null ? 0 : value.applyAsDouble(backlog);
                })
                .description(description)
                .tag("receiver", receiver)
                .register(meters);
    }

    private Map<String, DeliveryRepository.Backlog> backlogs() {
        if (Instant.now().isAfter(takenAt.plus(FRESH))) {
            try {
                snapshot = deliveries.backlogs().stream()
                        .collect(Collectors.toMap(DeliveryRepository.Backlog::recipientId, Function.identity()));
            } catch (RuntimeException databaseDown) {
                // Keep the last figures: a scrape must not fail because the database is slow.
            }
            takenAt = Instant.now();
        }
        return snapshot;
    }
}
