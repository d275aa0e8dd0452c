package id.lintas.hub.delivery;

import id.lintas.hub.participant.ParticipantChanged;
import id.lintas.hub.participant.ParticipantDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per receiver: Camel's {@link ThrottlingExceptionRoutePolicy} on the receiver's
 * delivery route. After {@code circuit-failure-threshold} transient failures within
 * {@code circuit-failure-window} it suspends the route's consumer (open: the receiver is not called,
 * its messages wait on its queue), and after {@code circuit-half-open-after} lets one delivery
 * through (half-open) to probe whether the receiver is back. Only transient failures count: a
 * receiver that refuses a document answered, so it is up.
 */
@Component
public class ReceiverCircuits {

    private final Map<String, ThrottlingExceptionRoutePolicy> circuits = new ConcurrentHashMap<>();
    private final DeliveryProperties properties;
    private final MeterRegistry meters;

    ReceiverCircuits(DeliveryProperties properties, MeterRegistry meters, ParticipantDirectory participants) {
        this.properties = properties;
        this.meters = meters;
        for (ParticipantDirectory.Connected participant : participants.all()) {
            gauge(participant.id());
        }
    }

    private void gauge(String receiver) {
        Gauge.builder("lintas.delivery.circuit.open", () -> "OPEN".equals(state(receiver)) ? 1 : 0)
                .description("1 while deliveries to the receiver are paused by its circuit breaker")
                .tag("receiver", receiver)
                .register(meters);
    }

    /** A receiver connected at run time gets its gauge. */
    @EventListener
    void participantChanged(ParticipantChanged change) {
        if (change.added()) {
            gauge(change.id());
        }
    }

    /** Drops the breaker of a receiver whose route is removed; a route added again starts with a closed one. */
    void forget(String receiverId) {
        circuits.remove(receiverId);
    }

    /** The route policy of one receiver's delivery route, made once. */
    ThrottlingExceptionRoutePolicy policy(String receiverId) {
        return circuits.computeIfAbsent(receiverId, id -> {
            ThrottlingExceptionRoutePolicy policy = new ReceiverCircuit(
                    properties.circuitFailureThreshold(),
                    properties.circuitFailureWindow().toMillis(),
                    properties.circuitHalfOpenAfter().toMillis());
            policy.setStateLoggingLevel(LoggingLevel.INFO);
            return policy;
        });
    }

    /**
     * Camel's policy closes a half-open circuit only once the failure window has passed since the
     * last failure: a probe that succeeds sooner reopens it. Here a probe that succeeds closes it,
     * since the receiver has just shown it is back.
     */
    static final class ReceiverCircuit extends ThrottlingExceptionRoutePolicy {

        private final ThreadLocal<Boolean> probeSucceeded = ThreadLocal.withInitial(() -> Boolean.FALSE);

        ReceiverCircuit(int threshold, long windowMillis, long halfOpenAfterMillis) {
            super(threshold, windowMillis, halfOpenAfterMillis, List.of(TransientDeliveryException.class));
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            boolean halfOpen = getStateAsString().toLowerCase().startsWith("half");
            probeSucceeded.set(halfOpen && exchange.getException(TransientDeliveryException.class) == null);
            try {
                super.onExchangeDone(route, exchange);
            } finally {
                probeSucceeded.remove();
            }
        }

        @Override
        protected boolean isThresholdExceeded() {
            return !probeSucceeded.get() && super.isThresholdExceeded();
        }
    }

    /** CLOSED (delivering), OPEN (paused) or HALF_OPEN (probing); CLOSED for a receiver not seen yet. */
    public String state(String receiverId) {
        ThrottlingExceptionRoutePolicy policy = circuits.get(receiverId);
        if (policy == null) {
            return "CLOSED";
        }
        // Camel's words: "closed", "half opened", "opened".
        String state = policy.getStateAsString().toLowerCase();
        return state.startsWith("half") ? "HALF_OPEN" : state.startsWith("open") ? "OPEN" : "CLOSED";
    }
}
