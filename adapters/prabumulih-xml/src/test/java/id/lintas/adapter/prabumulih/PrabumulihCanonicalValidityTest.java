package id.lintas.adapter.prabumulih;

import static id.lintas.adapter.prabumulih.PrabumulihSamples.ADAPTER;
import static id.lintas.adapter.prabumulih.PrabumulihSamples.PRABUMULIH;
import static id.lintas.contracts.testing.CanonicalValidity.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.CanonicalReferral;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid Prabumulih sample translates to a Bundle that HAPI's validator accepts (base R4 and
 * the Lintas profiles) with zero errors, also after a round trip through Prabumulih's own format.
 */
class PrabumulihCanonicalValidityTest {

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

        assertValid(referral, sample);
        assertThat(referral.bundle().getEntry()).hasSizeGreaterThan(5);
    }

    /** Prabumulih XML -> canonical -> Prabumulih XML -> canonical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferrals")
    void sampleRenderedBackToPrabumulihAndReadAgainIsStillValid(String sample) throws Exception {
        Bundle first = PrabumulihSamples.read(sample).bundle();
        byte[] rendered = PrabumulihSamples.render(first, PRABUMULIH, PRABUMULIH);

        CanonicalReferral again = ADAPTER.readReferral(rendered, PRABUMULIH);

        assertValid(again, sample + " after a round trip");
        assertThat(again.bundle().getEntry()).hasSameSizeAs(first.getEntry());
    }
}
