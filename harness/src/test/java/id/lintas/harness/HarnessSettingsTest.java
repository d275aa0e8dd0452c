package id.lintas.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HarnessSettingsTest {

    private static final Path WORK = Path.of("target", "work");

    @Test
    void longRunIsIssueTwelvesRunAndOptionsOverrideIt() {
        HarnessSettings settings = HarnessSettings.parse(
                new String[] {"--long", "--full-kills", "1", "--fault-seconds=5-9", "--hub-arg=-Xmx768m"}, WORK);

        assertThat(settings.referrals()).isEqualTo(2000);
        assertThat(settings.faults()).containsEntry(Fault.JVM_KILL, 5).containsEntry(Fault.FULL_KILL, 1);
        assertThat(settings.faultMin()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.faultMax()).isEqualTo(Duration.ofSeconds(9));
        assertThat(settings.heap()).isEqualTo("-Xmx768m");
        assertThat(settings.hubProperties()).allMatch(a -> a.startsWith("--lintas."));
    }

    @Test
    void shortRunIsTheDefault() {
        HarnessSettings settings = HarnessSettings.parse(new String[0], WORK);

        assertThat(settings.referrals()).isEqualTo(200);
        assertThat(settings.faults().values()).containsOnly(1);
        assertThat(settings.workDir()).isEqualTo(WORK);
    }

    @Test
    void refusesAnUnknownOptionOrAValueThatIsNotACount() {
        assertThatThrownBy(() -> HarnessSettings.parse(new String[] {"--kills", "3"}, WORK))
                .hasMessageContaining("unknown option --kills");
        assertThatThrownBy(() -> HarnessSettings.parse(new String[] {"--referrals", "many"}, WORK))
                .hasMessageContaining("--referrals takes a whole number, not many");
        assertThatThrownBy(() -> HarnessSettings.parse(new String[] {"--jvm-kills"}, WORK))
                .hasMessageContaining("--jvm-kills needs a value");
    }
}
