package id.lintas.hub.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much intake may run at once, so it cannot take the cores that deliveries need.
 *
 * @param maxConcurrent messages taken in at once (translate, validate, record and route), HTTP, FHIR and
 *     file rows together; by default twice the processors the JVM sees
 * @param maxWait how long an HTTP or FHIR request waits for its turn before it is answered 503
 * @param retryAfter what that answer's {@code Retry-After} asks the sender to wait (whole seconds)
 */
@ConfigurationProperties("lintas.intake")
public record IntakeProperties(Integer maxConcurrent, Duration maxWait, Duration retryAfter) {

    public IntakeProperties {
        maxConcurrent = maxConcurrent == null ? 2 * Runtime.getRuntime().availableProcessors() : maxConcurrent;
        maxWait = maxWait == null ? Duration.ofMillis(500) : maxWait;
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("lintas.intake.max-concurrent must be at least 1");
        }
    }
}
