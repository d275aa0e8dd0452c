package id.lintas.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Intake's turns: as many at once as configured, a request refused beyond them, a turn given back on close. */
class IntakeTurnsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IntakeTurns turns =
            new IntakeTurns(new IntakeProperties(2, Duration.ZERO, Duration.ofSeconds(3)), meters);

    @Test
    void aRequestBeyondTheLimitIsRefusedWithTheLimitAndTheWaitItAsksFor() {
        IntakeTurns.Turn first = turns.forRequest();
        IntakeTurns.Turn second = turns.forFileRow();

        assertThatThrownBy(turns::forRequest)
                .isInstanceOf(IntakeSaturatedException.class)
                .hasMessageContaining("2 messages at once")
                .hasMessageContaining("send again after 3 s")
                .satisfies(e -> assertThat(((IntakeSaturatedException) e).retryAfterSeconds())
                        .isEqualTo(3));
        assertThat(meters.get("lintas.intake.saturated").counter().count()).isEqualTo(1.0);

        first.close();
        second.close();
    }

    @Test
    void aTurnClosedIsGivenToTheNextRequest() {
        turns.forRequest();
        IntakeTurns.Turn held = turns.forRequest();
        held.close();

        try (IntakeTurns.Turn next = turns.forRequest()) {
            assertThat(next).isNotNull();
        }
    }

    @Test
    void aLimitBelowOneIsRefusedAtStartup() {
        assertThatThrownBy(() -> new IntakeProperties(0, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent");
    }
}
