package id.lintas.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.spi.MessageReader;
import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.RegionAdapter;
import id.lintas.hub.agreement.Clause;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.Finding;
import id.lintas.hub.agreement.Grant;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** A receiver whose format cannot carry a referral is refused at intake, naming the field; the others keep it. */
class FormatCheckTest {

    private static final Map<String, RegionAdapter> ADAPTERS = new HashMap<>();
    private static final Participant KUKAR =
            new Participant("kukar", "DP3A Kabupaten Kutai Kartanegara", "64.02", ZoneId.of("Asia/Makassar"));
    private static final Map<String, Connected> RECEIVERS = Map.of(
            "ppu",
                    connected(
                            new Participant(
                                    "ppu",
                                    "UPTD PPA Kabupaten Penajam Paser Utara",
                                    "64.09",
                                    ZoneId.of("Asia/Makassar")),
                            "ppu-csv"),
            "prabumulih",
                    connected(
                            new Participant(
                                    "prabumulih", "DP2KBPPPA Kota Prabumulih", "16.74", ZoneId.of("Asia/Jakarta")),
                            "prabumulih-xml"));

    private static Connected connected(Participant participant, String format) {
        if (ADAPTERS.isEmpty()) {
            ServiceLoader.load(RegionAdapter.class).forEach(a -> ADAPTERS.put(a.format(), a));
        }
        return new Connected(participant, ADAPTERS.get(format), null);
    }

    private final FormatCheck check = new FormatCheck(RECEIVERS::get);

    /** Kukar's TPPO sample: the incident is known only to the month ({@code 00-06-2025}). */
    private static Bundle monthOnlyIncident() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of(
                System.getProperty("lintas.shared.dir", "../../shared"),
                "domain",
                "regions",
                "kukar-json",
                "samples",
                "referral-tppo-to-ppu.json"));
        return ((MessageReader) ADAPTERS.get("kukar-json"))
                .readReferral(sample, KUKAR)
                .bundle();
    }

    private static Grant grant(String receiver) {
        return new Grant(
                "test-agreement",
                1,
                receiver,
                null,
                List.of("PSIKOLOGIS", "PEMULANGAN"),
                List.of(),
                EnumSet.allOf(DataCategory.class),
                Duration.ofHours(24));
    }

    @Test
    void dropsTheReceiverWhoseFormatNeedsAFullIncidentDateAndKeepsTheOthers() throws Exception {
        RoutingDecision decided =
                new RoutingDecision("64.09 (victim's home)", List.of(grant("ppu"), grant("prabumulih")), List.of());

        RoutingDecision checked = check.check(KUKAR, CanonicalReader.standard().read(monthOnlyIncident()), decided);

        assertThat(checked.grants()).extracting(Grant::receiver).containsExactly("ppu");
        assertThat(checked.findings()).singleElement().satisfies(f -> {
            assertThat(f.receiver()).isEqualTo("prabumulih");
            assertThat(f.clause()).isEqualTo(Clause.FORMAT);
            assertThat(f.reason()).contains("/kasus/kejadian/tanggal").contains("known only to the month");
        });
        assertThat(checked.partialCover()).contains("prabumulih-xml").contains("/kasus/kejadian/tanggal");
    }

    @Test
    void refusesTheReferralWhenNoReceiverCanCarryIt() throws Exception {
        RoutingDecision decided =
                new RoutingDecision("16.74 (named by the sender)", List.of(grant("prabumulih")), List.of());

        RoutingDecision checked = check.check(KUKAR, CanonicalReader.standard().read(monthOnlyIncident()), decided);

        assertThat(checked.isRouted()).isFalse();
        assertThat(checked.refusal()).contains("test-agreement v1").contains("/kasus/kejadian/tanggal");
    }

    @Test
    void leavesARefusalAsItIs() throws Exception {
        RoutingDecision refused = RoutingDecision.refused(
                "16.74",
                new Finding("prabumulih", null, 0, Clause.NO_AGREEMENT, "no agreement between kukar and prabumulih"));

        assertThat(check.check(KUKAR, CanonicalReader.standard().read(monthOnlyIncident()), refused))
                .isSameAs(refused);
    }
}
