package id.lintas.hub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param redeliveryDelay wait before the first redelivery of a failed delivery
 * @param backoffMultiplier factor applied to the wait after each failure
 * @param maxRedeliveryDelay longest wait between two attempts
 * @param maxAttempts attempts before a delivery goes to the dead-letter queue
 * @param relayInterval how often the outbox relay looks for deliveries not yet on the queue
 * @param relayGrace how old an unpublished delivery must be before the relay takes it over
 * @param httpTimeout connect and read timeout towards a region's endpoint
 */
@ConfigurationProperties("lintas.delivery")
public record DeliveryProperties(
        Duration redeliveryDelay,
        Double backoffMultiplier,
        Duration maxRedeliveryDelay,
        Integer maxAttempts,
        Duration relayInterval,
        Duration relayGrace,
        Duration httpTimeout) {

    public DeliveryProperties {
        redeliveryDelay = redeliveryDelay == null ? Duration.ofSeconds(5) : redeliveryDelay;
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        maxRedeliveryDelay = maxRedeliveryDelay == null ? Duration.ofMinutes(10) : maxRedeliveryDelay;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        relayInterval = relayInterval == null ? Duration.ofSeconds(5) : relayInterval;
        relayGrace = relayGrace == null ? Duration.ofSeconds(10) : relayGrace;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
    }
}
