package id.lintas.adapter.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.spi.FhirMessageReader;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.contracts.spi.Transport;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The hub finds the adapter by ServiceLoader, under its format id, as a FHIR messaging adapter. */
class JakartaAdapterSpiTest {

    @Test
    void theAdapterIsFoundByServiceLoaderAsJakartaFhir() {
        RegionAdapter adapter = ServiceLoader.load(RegionAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> "jakarta-fhir".equals(a.format()))
                .findFirst()
                .orElseThrow();

        assertThat(adapter).isInstanceOf(JakartaFhirAdapter.class).isInstanceOf(FhirMessageReader.class);
        assertThat(adapter.transport()).isEqualTo(Transport.FHIR);
    }

    @Test
    void everySampleIsCoveredByATest() {
        assertThat(JakartaSamples.all())
                .containsExactlyInAnyOrder(
                        JakartaSamples.REFERRAL,
                        JakartaSamples.STATUS_ACCEPTED,
                        JakartaSamples.INVALID_NOT_A_MESSAGE,
                        JakartaSamples.INVALID_GENDER);
    }
}
