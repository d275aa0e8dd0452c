package id.lintas.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.lintas.contracts.canonical.CanonicalWriter;
import id.lintas.contracts.model.Gender;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.model.ReferralKind;
import id.lintas.contracts.model.Victim;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The safety net validates sampled referrals in full off the caller's thread and counts what it finds. */
class FullValidationSampleTest {

    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    @BeforeAll
    static void warmUp() {
        // The first validation generates the profiles' snapshots: seconds, not what is tested here.
        VALIDATOR.warmUp();
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FullValidationSample everyOne =
            new FullValidationSample(VALIDATOR, new ValidationProperties(1.0), registry);

    @AfterEach
    void stop() {
        everyOne.stop();
    }

    @Test
    void aSampledReferralThatFullValidationRefusesIsCountedAsInvalid() {
        // No sender, urgency, report date or reporting region: what the cheap check would have refused.
        CanonicalReferral broken = CanonicalWriter.standard()
                .canonicalReferral(Referral.builder()
                        .sourceCaseNumber("SINTETIS/1")
                        .kind(ReferralKind.RUJUKAN)
                        .victim(new Victim(
                                null,
                                "Korban Sintetis",
                                Gender.FEMALE,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                false,
                                null))
                        .build());

        everyOne.offer(broken);

        await().atMost(Duration.ofMinutes(1)).until(() -> count("invalid") == 1);
        assertThat(count("valid")).isZero();
    }

    @Test
    void theRateDefaultsToOneInAThousandAndStaysAShare() {
        assertThat(new ValidationProperties(null).fullSampleRate()).isEqualTo(0.001);
        assertThatThrownBy(() -> new ValidationProperties(1.5)).hasMessageContaining("between 0 and 1");
    }

    private double count(String result) {
        return registry.get("lintas.validation.sampled")
                .tag("outcome", result)
                .counter()
                .count();
    }
}
