package id.lintas.hub.ingest;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The safety net behind validity by construction (ADR 0011): a sampled share of the referrals the
 * cheap check accepted is validated in full by HAPI on one background thread, never on the request's.
 * A finding is a bug in the check or the writer (tests prove the two agree): it is counted
 * ({@code lintas.validation.sampled{outcome=invalid}}, an alert) and logged with the elements only: a
 * validator's message can quote a value, and no value of a case is ever logged. When the thread falls behind,
 * samples are dropped and counted, so the net can never slow intake.
 */
@Component
class FullValidationSample {

    private static final Logger log = LoggerFactory.getLogger(FullValidationSample.class);

    private final CanonicalValidator validator;
    private final double rate;
    private final ThreadPoolExecutor worker;
    private final Counter valid;
    private final Counter invalid;
    private final Counter dropped;

    FullValidationSample(CanonicalValidator validator, ValidationProperties properties, MeterRegistry meters) {
        this.validator = validator;
        this.rate = properties.fullSampleRate();
        this.valid = counter(meters, "valid");
        this.invalid = counter(meters, "invalid");
        this.dropped = counter(meters, "dropped");
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(16),
                task -> {
                    Thread thread = new Thread(task, "lintas-full-validation");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                },
                (task, executor) -> dropped.increment());
        if (rate > 0) {
            // The validator's first use builds snapshots and loads the core terminology (seconds): done
            // here, on this thread, so neither the hub's start nor the first sampled referral waits for it.
            worker.execute(validator::warmUp);
        }
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("lintas.validation.sampled")
                .description("Accepted referrals validated again in full by HAPI, off the hot path")
                .tag("outcome", result)
                .register(meters);
    }

    /** Maybe validates the referral in full later; returns at once. */
    void offer(CanonicalReferral referral) {
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            worker.execute(() -> {
                try {
                    check(referral);
                } catch (RuntimeException e) {
                    // The exception's message could quote a value; its type says enough to look further.
                    log.error(
                            "Sampled full validation failed with {}",
                            e.getClass().getName());
                }
            });
        }
    }

    /** Validates now (the background thread's work). */
    ValidationReport check(CanonicalReferral referral) {
        ValidationReport report = validator.validate(referral);
        if (report.isValid()) {
            valid.increment();
        } else {
            invalid.increment();
            log.warn(
                    "Full validation refused a referral the cheap check accepted (a bug in ReferralCheck or"
                            + " CanonicalWriter, ADR 0011) at {}",
                    report.errors().stream()
                            .map(ValidationReport.Issue::location)
                            .toList());
        }
        return report;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
