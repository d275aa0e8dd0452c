package id.lintas.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** A receiver's copy carries only what its grant gives, in its format, and leaves the stored referral as it was. */
class ReceiverCopyTest {

    private static final Map<String, RegionAdapter> ADAPTERS = StreamSupport.stream(
                    ServiceLoader.load(RegionAdapter.class).spliterator(), false)
            .collect(Collectors.toMap(RegionAdapter::format, Function.identity()));
    private static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    private static final Connected PPU = new Connected(
            new Participant("ppu", "UPTD PPA Kabupaten Penajam Paser Utara", "64.09", ZoneId.of("Asia/Makassar")),
            ADAPTERS.get("ppu-csv"),
            null);
    private static final List<String> SERVICES = List.of("PSIKOLOGIS", "PEMULANGAN");

    private static Bundle kukarTppoCase() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of(
                System.getProperty("lintas.shared.dir", "../../shared"),
                "domain",
                "regions",
                "kukar-json",
                "samples",
                "referral-tppo-to-ppu.json"));
        return ADAPTERS.get("kukar-json")
                .messageReader()
                .orElseThrow()
                .readReferral(sample, KUKAR)
                .bundle();
    }

    private static String render(Bundle referral, EnumSet<DataCategory> data) throws Exception {
        return new String(
                ReceiverCopy.render(
                                "7f0c5a9e-0000-4000-8000-000000000001",
                                KUKAR,
                                CanonicalReader.standard().read(referral),
                                data,
                                SERVICES,
                                PPU)
                        .content(),
                StandardCharsets.UTF_8);
    }

    @Test
    void carriesThePerpetratorAndChronologyOnlyWhenGranted() throws Exception {
        Bundle referral = kukarTppoCase();

        String everything = render(referral, EnumSet.allOf(DataCategory.class));
        String without =
                render(referral, EnumSet.complementOf(EnumSet.of(DataCategory.PERPETRATOR, DataCategory.CHRONOLOGY)));

        assertThat(everything).contains("Herman S.").contains("dijanjikan pekerjaan");
        assertThat(without)
                .doesNotContain("Herman S.")
                .doesNotContain("dijanjikan pekerjaan")
                .contains("Rina Marlina");
    }

    @Test
    void leavesTheStoredReferralUnchanged() throws Exception {
        Bundle referral = kukarTppoCase();
        FhirContext fhir = FhirContext.forR4Cached();
        String before = fhir.newJsonParser().encodeResourceToString(referral);

        render(referral, EnumSet.of(DataCategory.SERVICES));

        assertThat(fhir.newJsonParser().encodeResourceToString(referral)).isEqualTo(before);
    }
}
