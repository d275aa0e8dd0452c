package id.lintas.adapter.kukar;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import id.lintas.contracts.validation.CanonicalValidator;
import id.lintas.contracts.validation.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every valid Kukar sample translates to a Bundle that HAPI's validator accepts: base R4 and our profiles. */
class KukarCanonicalValidityTest {

    private static final CanonicalValidator VALIDATOR = new CanonicalValidator();

    @ParameterizedTest
    @ValueSource(strings = {KukarSamples.TPPO, KukarSamples.CHILD, KukarSamples.TWO_VICTIMS})
    void sampleTranslatesToAValidCanonicalReferral(String sample) throws Exception {
        CanonicalReferral referral = KukarSamples.ADAPTER.readReferral(KukarSamples.bytes(sample), KukarSamples.KUKAR);

        ValidationReport report = VALIDATOR.validate(referral.bundle());

        assertThat(report.errors()).as("validation errors of %s", sample).isEmpty();
        assertThat(referral.bundle().getEntry()).hasSizeGreaterThan(5);
    }
}
