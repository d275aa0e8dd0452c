package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HubRunTest {

    @Test
    void oneJarOneRoundKeepsTheNamesOfEveryEarlierTable() {
        assertThat(HubRun.of(LoadSettings.parse(new String[] {"--stored", "0,500000"})))
                .extracting(HubRun::name, HubRun::suffix)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("hub", ""),
                        org.assertj.core.groups.Tuple.tuple("hub+500000", "-500000"));
    }

    @Test
    void twoJarsAlternateTheirOrderFromRoundToRound() {
        LoadSettings settings =
                LoadSettings.parse(new String[] {"--hub-jar", "old.jar", "--compare", "new.jar", "--rounds", "3"});

        assertThat(HubRun.of(settings))
                .extracting(HubRun::name)
                .containsExactly("hubA#1", "hubB#1", "hubB#2", "hubA#2", "hubA#3", "hubB#3");
        assertThat(HubRun.of(settings))
                .filteredOn(run -> run.name().startsWith("hubB"))
                .extracting(HubRun::jar)
                .containsOnly(Path.of("new.jar"));
        assertThat(HubRun.of(settings).get(2).suffix()).isEqualTo("-B-2");
    }

    @Test
    void roundsOfOneJarAreNamedA() {
        assertThat(HubRun.of(LoadSettings.parse(new String[] {"--rounds", "2", "--stored", "1000"})))
                .extracting(HubRun::name)
                .containsExactly("hubA+1000#1", "hubA+1000#2");
    }

    @Test
    void noRoundsIsRefused() {
        assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--rounds", "0"}))
                .hasMessageStartingWith("--rounds must be at least 1");
    }
}
