package id.lintas.hub.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds intake to {@link IntakeProperties#maxConcurrent()} messages at once, whichever way they come,
 * so that a burst of senders queues here instead of taking the cores from the receivers' deliveries.
 * An HTTP or FHIR request waits a short while for its turn and is then refused with a 503 and
 * {@code Retry-After} (nothing kept: the sender sends again); a row of a dropped file waits as long
 * as it takes, since its file is already in the hub's hands. Turns are given in the order asked.
 */
@Component
public class IntakeTurns {

    /** A turn of intake, held until closed. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore turns;
    private final IntakeProperties properties;
    private final Counter refused;

    IntakeTurns(IntakeProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.turns = new Semaphore(properties.maxConcurrent(), true);
        this.refused = Counter.builder("lintas.intake.saturated")
                .description("HTTP and FHIR messages refused with 503 because intake was at its limit")
                .register(meters);
    }

    /**
     * A turn for an HTTP or FHIR request, waiting at most {@link IntakeProperties#maxWait()}.
     *
     * @throws IntakeSaturatedException no turn came within the wait
     */
    public Turn forRequest() {
        boolean taken;
        try {
            taken = turns.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            refused.increment();
            long seconds = Math.max(1, properties.retryAfter().toSeconds());
            throw new IntakeSaturatedException(
                    "the hub is taking in " + properties.maxConcurrent()
                            + " messages at once, its limit, and none ended within "
                            + properties.maxWait().toMillis()
                            + " ms; send again after " + seconds + " s",
                    seconds);
        }
        return turns::release;
    }

    /** A turn for a row of a dropped file: it waits as long as it takes. */
    public Turn forFileRow() {
        turns.acquireUninterruptibly();
        return turns::release;
    }
}
