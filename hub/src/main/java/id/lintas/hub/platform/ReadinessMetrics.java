package id.lintas.hub.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code lintas.ready}: 1 while {@code /actuator/health/readiness} is UP (the hub takes traffic, its
 * database and broker answer), 0 otherwise, so Prometheus alerts on a hub that runs but cannot work.
 * The check runs on the scheduler, not in the scrape: a database that hangs must not make the scrape
 * (and every other metric) time out.
 */
@Component
class ReadinessMetrics {

    private final HealthEndpoint health;
    private final AtomicInteger ready = new AtomicInteger();

    ReadinessMetrics(HealthEndpoint health, MeterRegistry meters) {
        this.health = health;
        Gauge.builder("lintas.ready", ready, AtomicInteger::get)
                .description(
                        "1 while the hub is ready (readiness probe UP: taking traffic, database and broker answer), 0 otherwise")
                .register(meters);
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 5_000)
    void check() {
        HealthComponent readiness = health.healthForPath("readiness");
        ready.set(readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0);
    }
}
