package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid Prabumulih sample translates to a Bundle that HAPI's validator accepts (base R4 and
 * the Lintas profiles) with zero errors, also after a round trip through Prabumulih's own format.
 */
class PrabumulihCanonicalValidityTest {

    /** Construction takes seconds; one for the class. */
    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    static List<String> validReferrals() {
        return PrabumulihSamples.validReferrals();
    }

    @Test
    void everyKnownValidSampleIsCovered() {
        assertThat(validReferrals()).contains(PrabumulihSamples.TPPO, PrabumulihSamples.CHILD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferrals")
    void sampleTranslatesToAValidCanonicalReferral(String sample) throws Exception {
        CanonicalReferral referral = PrabumulihSamples.read(sample);

        assertValid(referral.bundle(), sample);
        assertThat(referral.bundle().getEntry()).hasSizeGreaterThan(5);
    }

    /** Prabumulih XML -> canonical -> Prabumulih XML -> canonical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferrals")
    void sampleRenderedBackToPrabumulihAndReadAgainIsStillValid(String sample) throws Exception {
        Bundle first = PrabumulihSamples.read(sample).bundle();
        byte[] rendered = PrabumulihSamples.render(first, PRABUMULIH, PRABUMULIH);

        CanonicalReferral again = ADAPTER.readReferral(rendered, PRABUMULIH);

        assertValid(again.bundle(), sample + " after a round trip");
        assertThat(again.bundle().getEntry()).hasSameSizeAs(first.getEntry());
    }

    private static void assertValid(Bundle bundle, String what) {
        ValidationReport report = VALIDATOR.validate(bundle);
        assertThat(report.errors())
                .as(
                        "validation errors of %s:%n%s",
                        what, report.errors().stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
