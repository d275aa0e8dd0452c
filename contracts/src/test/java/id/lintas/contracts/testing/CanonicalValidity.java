package id.lintas.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ReferralCheck;
import id.lintas.contracts.validation.ValidationReport;
import java.util.stream.Collectors;

/**
 * What every adapter's validity test asserts of a referral it read (ADR 0011): HAPI's full validation
 * of its Bundle (R4 and the Lintas profiles) and Plausibility find nothing, and neither does the
 * cheap check of its typed model the hub relies on.
 */
public final class CanonicalValidity {

    /** Construction takes seconds; one for every test class of the JVM. */
    private static final CanonicalValidator FULL = new CanonicalValidator();

    private static final ReferralCheck CHEAP = new ReferralCheck();

    private CanonicalValidity() {}

    public static void assertValid(CanonicalReferral referral, String what) {
        ValidationReport full = FULL.validate(referral);
        assertThat(full.errors())
                .as("validation errors of %s:%n%s", what, describe(full))
                .isEmpty();
        ValidationReport cheap = CHEAP.check(referral.model());
        assertThat(cheap.errors())
                .as("cheap check of %s:%n%s", what, describe(cheap))
                .isEmpty();
    }

    private static String describe(ValidationReport report) {
        return report.errors().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
