package id.lintas.adapter.kukar;

import static id.lintas.contracts.testing.CanonicalValidity.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.CanonicalReferral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid Kukar sample translates to a Bundle that HAPI's validator accepts (base R4 and the
 * Lintas profiles), also after a round trip through Kukar's own format.
 */
class KukarCanonicalValidityTest {

    /** The valid referral samples: {@code referral-*.json} (FORMAT.md: {@code invalid-*} are refused, {@code status-*} are no referrals). */
    static List<String> validReferralSamples() throws IOException {
        try (Stream<Path> files = Files.list(KukarSamples.dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("referral-") && name.endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyKnownValidSampleIsCovered() throws IOException {
        assertThat(validReferralSamples()).contains(KukarSamples.TPPO, KukarSamples.CHILD, KukarSamples.TWO_VICTIMS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferralSamples")
    void sampleTranslatesToAValidCanonicalReferral(String sample) throws Exception {
        CanonicalReferral referral = KukarSamples.read(sample);

        assertValid(referral, sample);
        assertThat(referral.bundle().getEntry()).hasSizeGreaterThan(5);
    }

    /** Kukar JSON -> canonical -> Kukar JSON (without the fields only the hub adds) -> canonical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferralSamples")
    void sampleRenderedBackToKukarAndReadAgainIsStillValid(String sample) throws Exception {
        Bundle first = KukarSamples.read(sample).bundle();
        ObjectNode rendered = (ObjectNode) KukarSamples.tree(KukarSamples.ADAPTER
                .renderReferral(
                        CanonicalReader.standard().outbound("hub-1", KukarSamples.KUKAR, first), KukarSamples.KUKAR)
                .content());
        rendered.remove("id_rujukan_hub");
        rendered.remove("asal");

        CanonicalReferral again = KukarSamples.ADAPTER.readReferral(KukarSamples.bytes(rendered), KukarSamples.KUKAR);

        assertValid(again, sample + " after a round trip");
    }
}
