package id.lintas.adapter.kukar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.lintas.contracts.spi.FieldError;
import id.lintas.contracts.spi.TranslationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer throws malformed input, grown from Kukar's samples (the seed corpus beside this class), at
 * both of Kukar's readers. Each input is either read or refused with a {@link TranslationException}
 * that names a field and a reason; anything else (a NullPointerException, a hang, an exhausted stack)
 * is a finding and fails the build. The build runs it in fuzzing mode for a bounded time
 * ({@code JAZZER_FUZZ=1} in surefire) and prints how many inputs were tried.
 */
class KukarReaderFuzzTest {

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @FuzzTest(maxDuration = "15s")
    void readersRefuseMalformedInputCleanly(FuzzedDataProvider data) {
        INPUTS.incrementAndGet();
        boolean status = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        try {
            if (status) {
                KukarSamples.ADAPTER.readStatus(body, KukarSamples.KUKAR);
            } else {
                KukarSamples.ADAPTER.readReferral(body, KukarSamples.KUKAR);
            }
        } catch (TranslationException refused) {
            REFUSED.incrementAndGet();
            assertThat(refused.errors()).isNotEmpty().allSatisfy(KukarReaderFuzzTest::namesFieldAndReason);
        }
    }

    private static void namesFieldAndReason(FieldError error) {
        assertThat(error.field()).isNotBlank();
        assertThat(error.reason()).isNotBlank();
    }

    @AfterAll
    static void report() {
        System.out.println("Fuzzing Kukar's readers: " + INPUTS.get() + " inputs tried, " + REFUSED.get()
                + " refused with field errors");
        assertThat(INPUTS.get()).as("inputs tried").isPositive();
    }
}
