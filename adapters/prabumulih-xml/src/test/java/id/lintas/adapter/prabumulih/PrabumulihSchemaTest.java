package id.lintas.adapter.prabumulih;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code xsd/prabumulih-kasus-2.xsd} against FORMAT.md's samples, checked with a validator of the test's own. */
class PrabumulihSchemaTest {

    static List<String> validSamples() {
        return Stream.concat(PrabumulihSamples.validReferrals().stream(), PrabumulihSamples.validStatuses().stream())
                .toList();
    }

    @Test
    void everyKnownSampleIsCovered() {
        assertThat(validSamples())
                .contains(PrabumulihSamples.TPPO, PrabumulihSamples.CHILD, PrabumulihSamples.STATUS_COMPLETED);
        assertThat(PrabumulihSamples.all())
                .as("every sample is valid or invalid by its name")
                .allMatch(n -> n.startsWith("kasus-") || n.startsWith("status-") || n.startsWith("invalid-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void everyValidSampleConformsToTheSchema(String sample) {
        assertThat(PrabumulihSamples.schemaProblems(PrabumulihSamples.bytes(sample)))
                .isEmpty();
    }

    @Test
    void theSampleWithoutKlienDoesNotConform() {
        assertThat(PrabumulihSamples.schemaProblems(PrabumulihSamples.bytes(PrabumulihSamples.INVALID_SCHEMA)))
                .singleElement()
                .asString()
                .startsWith("cvc-complex-type.2.4.a")
                .contains("klien");
    }

    @Test
    void theSchemaRefusesWhatFormatMdRules() {
        String child = PrabumulihSamples.text(PrabumulihSamples.CHILD);

        assertThat(problems(child.replace(
                        "<tanggal_pelaporan>2025-07-19T16:05:00</tanggal_pelaporan>",
                        "<tanggal_pelaporan>2025-07-19T16:05:00+07:00</tanggal_pelaporan>")))
                .as("WIB without offset")
                .isNotEmpty();
        assertThat(problems(child.replace("<kotkab>1674</kotkab>", "<kotkab>16.74</kotkab>")))
                .as("no dots")
                .isNotEmpty();
        assertThat(problems(
                        child.replace("<umur>10</umur>", "<tanggal_lahir>2015-01-01</tanggal_lahir><umur>10</umur>")))
                .as("a birth date or an age")
                .isNotEmpty();
        assertThat(problems(child.replace("<layanan kode=\"02\"/>", "<layanan/>")))
                .as("kode required")
                .isNotEmpty();
        assertThat(problems(child.replace("<prioritas>1</prioritas>", "")))
                .as("prioritas required")
                .isNotEmpty();
        assertThat(problems(child.replace("diberikan=\"true\"", "diberikan=\"ya\"")))
                .as("true or false")
                .isNotEmpty();
        assertThat(problems(child.replace(" uuid=\"a1c4e3b2-77f0-4c1e-8e2d-9f6b0a3d2c55\"", "")))
                .as("uuid required")
                .isNotEmpty();
        assertThat(problems(child.replace("<nama>Dimas Saputra</nama>", "<nama>Dimas Saputra</nama><agama>-</agama>")))
                .as("no unknown elements")
                .isNotEmpty();
    }

    private static List<String> problems(String document) {
        return PrabumulihSamples.schemaProblems(document.getBytes(StandardCharsets.UTF_8));
    }
}
