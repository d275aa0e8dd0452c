package id.lintas.hub.participant;

import static org.assertj.core.api.Assertions.assertThat;

import id.lintas.contracts.region.RegionTable;
import id.lintas.contracts.spi.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantRulesTest {

    private static final AdapterRegistry ADAPTERS = new AdapterRegistry();
    private static final RegionTable REGIONS = RegionTable.standard();

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static List<FieldError> check(String region, String format, String endpoint, String zone) {
        return ParticipantRules.values(
                new ParticipantRules.Values("UPTD PPA", region, format, endpoint, zone, "ACTIVE"), ADAPTERS, REGIONS);
    }

    @Test
    void acceptsAnHttpRegionWithItsUrlAndAFileRegionWithout() {
        assertThat(check("64.01", "kukar-json", "https://ppa.paserkab.example.go.id/lintas", "Asia/Makassar"))
                .isEmpty();
        assertThat(check("64.11", "ppu-csv", null, null)).isEmpty();
    }

    @Test
    void refusesIdsThatCannotNameAQueueOrAFolder() {
        assertThat(ParticipantRules.id("paser")).isEmpty();
        assertThat(ParticipantRules.id("prabumulih-polres")).isEmpty();
        for (String bad : List.of("Paser", "1paser", "paser-", "pa--ser", "pa_ser", "../ppu", "a".repeat(41))) {
            assertThat(fields(ParticipantRules.id(bad))).as(bad).containsExactly("id");
        }
        assertThat(ParticipantRules.id(null).get(0).reason()).isEqualTo("required");
    }

    @Test
    void refusesARegionOutsideTheRegionTableAndAFormatWithoutAdapter() {
        List<FieldError> errors = check("64.99", "kukar-xml", null, null);

        assertThat(fields(errors)).containsExactly("region", "format");
        assertThat(errors.get(1).reason()).contains("kukar-json", "ppu-csv", "prabumulih-xml", "jakarta-fhir");
    }

    @Test
    void refusesEndpointsThatAreNotHttpUrlsOrCarryCredentials() {
        for (String bad : List.of(
                "ftp://example.go.id/in",
                "/relative/path",
                "https://",
                "https://user:secret@example.go.id/api",
                "https://example.go.id/api#part",
                "http://exa mple.go.id")) {
            assertThat(fields(check("64.01", "kukar-json", bad, null))).as(bad).containsExactly("endpoint");
        }
        assertThat(fields(check("64.11", "ppu-csv", "https://example.go.id/in", null)))
                .containsExactly("endpoint");
    }

    @Test
    void refusesAnUnknownZoneAndStatus() {
        assertThat(fields(check("64.01", "kukar-json", null, "Mars/Olympus"))).containsExactly("zone");
        assertThat(fields(ParticipantRules.values(
                        new ParticipantRules.Values("UPTD PPA", "64.01", "kukar-json", null, null, "DELETED"),
                        ADAPTERS,
                        REGIONS)))
                .containsExactly("status");
    }
}
