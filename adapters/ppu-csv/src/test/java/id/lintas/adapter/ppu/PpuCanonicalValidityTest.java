package id.lintas.adapter.ppu;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every case PPU's files carry translates to a Bundle that HAPI's validator accepts: base R4 and our profiles. */
class PpuCanonicalValidityTest {

    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    @Test
    void everyCaseOfTheReferralFileIsAValidCanonicalReferral() throws Exception {
        assertAllValid(Fixtures.referrals(Fixtures.read(Fixtures.RUJUKAN)), 2);
    }

    @Test
    void goodRowsOfTheFileWithBadRowsAreValidCanonicalReferrals() throws Exception {
        assertAllValid(Fixtures.referrals(Fixtures.read(Fixtures.INVALID_ROWS)), 2);
    }

    private static void assertAllValid(List<CanonicalReferral> referrals, int expected) {
        assertThat(referrals).hasSize(expected);
        for (CanonicalReferral referral : referrals) {
            ValidationReport report = VALIDATOR.validate(referral.bundle());
            assertThat(report.errors()).as("validation errors of %s", referral.sourceReference()).isEmpty();
        }
    }
}
