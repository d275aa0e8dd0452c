package id.lintas.hub.delivery;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param redeliveryDelay wait before the first redelivery of a failed delivery
 * @param backoffMultiplier factor applied to the wait after each failure
 * @param maxRedeliveryDelay longest wait between two attempts
 * @param maxAttempts attempts before a delivery is DEAD (the broker's own limit is set above it)
 * @param relayInterval how often the outbox relay looks for deliveries not yet on the queue
 * @param relayGrace how old an unpublished delivery must be before the relay takes it over
 * @param httpTimeout connect and read timeout towards a region's endpoint
 * @param consumersPerReceiver parallel deliveries to a receiver not named in {@code consumers} (each
 *     receiver has its own, which intake cannot take: see {@code lintas.intake})
 * @param consumers parallel deliveries to the receivers named, by participant id, where the default
 *     does not fit (a receiver whose server answers slowly, or takes only one at a time)
 * @param circuitFailureThreshold transient failures of one receiver within the window that open its circuit
 * @param circuitFailureWindow the window in which failures are counted
 * @param circuitHalfOpenAfter how long an open circuit waits before it lets one delivery probe the receiver
 * @param sweepInterval how often the sweeper looks for deliveries and inbound messages stuck
 * @param sweepGrace silence beyond the longest redelivery wait before a delivery is suspected lost
 * @param maxRedrives re-drives of a delivery lost from the broker before it is DEAD
 */
@ConfigurationProperties("lintas.delivery")
public record DeliveryProperties(
        Duration redeliveryDelay,
        Double backoffMultiplier,
        Duration maxRedeliveryDelay,
        Integer maxAttempts,
        Duration relayInterval,
        Duration relayGrace,
        Duration httpTimeout,
        Integer consumersPerReceiver,
        Map<String, Integer> consumers,
        Integer circuitFailureThreshold,
        Duration circuitFailureWindow,
        Duration circuitHalfOpenAfter,
        Duration sweepInterval,
        Duration sweepGrace,
        Integer maxRedrives) {

    public DeliveryProperties {
        redeliveryDelay = redeliveryDelay == null ? Duration.ofSeconds(5) : redeliveryDelay;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        maxRedeliveryDelay = maxRedeliveryDelay == null ? Duration.ofMinutes(10) : maxRedeliveryDelay;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        relayInterval = relayInterval == null ? Duration.ofSeconds(5) : relayInterval;
        relayGrace = relayGrace == null ? Duration.ofSeconds(10) : relayGrace;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
        consumersPerReceiver = consumersPerReceiver == null ? 4 : consumersPerReceiver;
        consumers = consumers == null ? Map.of() : Map.copyOf(consumers);
        if (consumersPerReceiver < 1 || consumers.values().stream().anyMatch(n -> n == null || n < 1)) {
            throw new IllegalArgumentException("a receiver needs at least one delivery consumer");
        }
        circuitFailureThreshold = circuitFailureThreshold == null ? 5 : circuitFailureThreshold;
        circuitFailureWindow = circuitFailureWindow == null ? Duration.ofMinutes(1) : circuitFailureWindow;
        circuitHalfOpenAfter = circuitHalfOpenAfter == null ? Duration.ofSeconds(30) : circuitHalfOpenAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofMinutes(2) : sweepGrace;
        maxRedrives = maxRedrives == null ? 5 : maxRedrives;
    }

    /** The parallel deliveries to one receiver. */
    public int consumersFor(String receiver) {
        return consumers.getOrDefault(receiver, consumersPerReceiver);
    }
}
