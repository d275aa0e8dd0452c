package id.lintas.hub.delivery;

import id.lintas.hub.participant.ParticipantDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Deliveries as operators count them: {@code lintas.deliveries} by receiver, transport and outcome, and
 * {@code lintas.delivery.latency}, the time from a delivery being owed to its receiver having it. Tags are
 * participant ids, transports and outcomes only.
 */
@Component
class DeliveryMeters {

    static final String DELIVERED = "delivered";
    /** Refused by the receiver for good (a 4xx answer, a document it cannot take). */
    static final String FAILED = "failed";
    /** Attempts exhausted. */
    static final String DEAD = "dead";
    /** A transient failure: the broker delivers it again later. */
    static final String RETRIED = "retried";

    /** Buckets an operator alerts on: seconds for HTTP, minutes for files and retries, hours for a receiver that was down. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(1),
        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)
    };

    private final MeterRegistry meters;
    private final ParticipantDirectory participants;

    DeliveryMeters(MeterRegistry meters, ParticipantDirectory participants) {
        this.meters = meters;
        this.participants = participants;
    }

    /** The delivery reached its receiver; it had been owed since {@code owedSince}. */
    void delivered(String receiver, Instant owedSince) {
        outcome(receiver, DELIVERED);
        if (owedSince != null) {
            Timer.builder("lintas.delivery.latency")
                    .description("Time from a delivery being owed to its receiver having it, by receiver and transport")
                    .tag("receiver", receiver)
                    .tag("transport", transport(receiver))
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(meters)
                    .record(Duration.between(owedSince, Instant.now()));
        }
    }

    /** One attempt's outcome: {@link #DELIVERED}, {@link #FAILED}, {@link #DEAD} or {@link #RETRIED}. */
    void outcome(String receiver, String outcome) {
        Counter.builder("lintas.deliveries")
                .description("Delivery attempts by receiver, transport and outcome (delivered, failed, dead, retried)")
                .tag("receiver", receiver)
                .tag("transport", transport(receiver))
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private String transport(String receiver) {
        return participants
                .find(receiver)
                .map(participant -> participant.adapter().transport().name().toLowerCase(Locale.ROOT))
                .orElse("unknown");
    }
}
