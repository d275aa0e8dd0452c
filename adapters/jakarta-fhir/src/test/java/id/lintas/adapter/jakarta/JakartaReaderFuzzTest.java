package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer throws malformed input, grown from Jakarta's samples (the seed corpus beside this class), at
 * Jakarta's FHIR message reader. Each input is either read or refused with a {@link TranslationException} that names a field (a FHIR path) and a reason. Anything else (a NullPointerException, a hang, an exhausted stack) is a finding and
 * fails the build. The build runs it in fuzzing mode for a bounded time ({@code JAZZER_FUZZ=1} in
 * surefire) and prints how many inputs were tried.
 */
class JakartaReaderFuzzTest {

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @FuzzTest(maxDuration = "15s")
    void readersRefuseMalformedInputCleanly(FuzzedDataProvider data) {
        INPUTS.incrementAndGet();
        byte[] body = data.consumeRemainingAsBytes();
        try {
            JakartaSamples.ADAPTER.readMessage(body, JakartaSamples.JAKARTA);
        } catch (TranslationException refused) {
            REFUSED.incrementAndGet();
            assertThat(refused.errors()).isNotEmpty().allSatisfy((FieldError e) -> {
                assertThat(e.field()).isNotBlank();
                assertThat(e.reason()).isNotBlank();
            });
        }
    }

    @AfterAll
    static void report() {
        System.out.println(
                "Fuzzing Jakarta's readers: " + INPUTS.get() + " inputs tried, " + REFUSED.get() + " refused");
        assertThat(INPUTS.get()).as("inputs tried").isPositive();
    }
}
