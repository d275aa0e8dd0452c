package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.spi.FileBatch;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import id.lintas.contracts.validation.ValidationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * Every case PPU's files carry translates to a Bundle that HAPI's validator accepts (base R4 and the
 * Lintas profiles), read through the {@code FileBatchReader} SPI as the hub reads it, and also after a
 * round trip through PPU's own layout.
 */
class PpuCanonicalValidityTest {

    /** Construction takes seconds; one for the class. */
    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    /** What the hub checks instead of full validation (ADR 0011): it must accept every valid case too. */
    private static final ReferralCheck CHEAP = new ReferralCheck();

    @Test
    void everyCaseOfTheReferralFileIsAValidCanonicalReferral() throws Exception {
        FileBatch batch = Fixtures.read(Fixtures.RUJUKAN);

        assertThat(Fixtures.errors(batch)).isEmpty();
        assertAllValid(Fixtures.referrals(batch), 2);
    }

    @Test
    void goodRowsOfTheFileWithBadRowsAreValidCanonicalReferrals() throws Exception {
        FileBatch batch = Fixtures.read(Fixtures.INVALID_ROWS);

        // FORMAT.md: rows 2 and 3 are refused; rows 1 and 4 are good and become referrals.
        assertThat(Fixtures.errors(batch)).isNotEmpty();
        assertAllValid(Fixtures.referrals(batch), 2);
    }

    /** RUJUKAN -> canonical -> RUJUKAN_MASUK -> (PPU's columns only) RUJUKAN -> canonical. */
    @Test
    void casesRenderedBackToPpuAndReadAgainAreStillValid() throws Exception {
        PpuCsvAdapter adapter = new PpuCsvAdapter();
        List<CanonicalReferral> again = new ArrayList<>();
        int i = 0;
        for (CanonicalReferral referral : Fixtures.referrals(Fixtures.read(Fixtures.RUJUKAN))) {
            OutboundDocument document = adapter.renderReferral(
                    CanonicalReader.standard().outbound("hub-" + i, Fixtures.PPU, referral.bundle()), Fixtures.PPU);
            String name = "RUJUKAN_20250722_170" + i + ".csv";
            FileBatch batch = adapter.readFile(name, asRujukan(document.content()), Fixtures.PPU);
            assertThat(Fixtures.errors(batch))
                    .as("errors reading back %s", name)
                    .isEmpty();
            again.addAll(Fixtures.referrals(batch));
            i++;
        }

        assertAllValid(again, 2);
    }

    private static void assertAllValid(List<CanonicalReferral> referrals, int expected) {
        assertThat(referrals).hasSize(expected);
        for (CanonicalReferral referral : referrals) {
            ValidationReport report = VALIDATOR.validate(referral);
            assertThat(report.errors())
                    .as(
                            "validation errors of %s:%n%s",
                            referral.sourceReference(),
                            report.errors().stream().map(Object::toString).collect(Collectors.joining("\n")))
                    .isEmpty();
            assertThat(CHEAP.check(referral.model()).errors())
                    .as("cheap check of %s", referral.sourceReference())
                    .isEmpty();
        }
    }

    /** A RUJUKAN_MASUK file as a RUJUKAN file: PPU's columns only, in PPU's dialect (BOM, CRLF, ';'). */
    private static byte[] asRujukan(byte[] rujukanMasuk) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(Columns.RUJUKAN_LAYOUT);
            for (Map<String, String> row : Fixtures.rows(rujukanMasuk)) {
                List<String> cells = new ArrayList<>();
                for (String column : Columns.RUJUKAN_LAYOUT) {
                    cells.add(row.get(column) == null ? "" : row.get(column));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (CsvText.BOM + out).getBytes(StandardCharsets.UTF_8);
    }
}
