package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.FileRejectedException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer throws malformed input, grown from PPU's samples (the seed corpus beside this class), at
 * PPU's file reader. Each file is either refused whole with a {@link FileRejectedException}, or read
 * row by row: every item covers rows and is either a message or refused with field errors, so a bad row
 * never takes the good ones with it. Anything else (a NullPointerException, a hang, an exhausted stack)
 * is a finding and fails the build. The build runs it in fuzzing mode for a bounded time
 * ({@code JAZZER_FUZZ=1} in surefire's fuzz execution) and prints how many files were tried, how many
 * were refused whole and how many rows were refused in the others.
 */
class PpuReaderFuzzTest {

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong FILES_REFUSED = new AtomicLong();
    private static final AtomicLong ROWS_REFUSED = new AtomicLong();
    private static final PpuCsvAdapter ADAPTER = new PpuCsvAdapter();

    @FuzzTest(maxDuration = "15s")
    void readersRefuseMalformedInputCleanly(FuzzedDataProvider data) {
        INPUTS.incrementAndGet();
        String name = data.consumeBoolean() ? "STATUS_20250723_0800.csv" : "RUJUKAN_20250722_1600.csv";
        byte[] content = data.consumeRemainingAsBytes();
        try {
            FileBatch batch = ADAPTER.readFile(name, content, Fixtures.PPU);
            for (FileBatch.Item item : batch.items()) {
                assertThat(item.rows()).isNotEmpty();
                if (item.message() == null) {
                    ROWS_REFUSED.incrementAndGet();
                    assertThat(item.errors())
                            .isNotEmpty()
                            .allSatisfy(e -> assertThat(e.field()).isNotBlank());
                }
            }
        } catch (FileRejectedException refused) {
            FILES_REFUSED.incrementAndGet();
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @AfterAll
    static void report() {
        System.out.println("Fuzzing PPU's readers: " + INPUTS.get() + " inputs (files) tried, " + FILES_REFUSED.get()
                + " refused whole, " + ROWS_REFUSED.get() + " rows refused in the others");
        assertThat(INPUTS.get()).as("inputs tried").isPositive();
    }
}
