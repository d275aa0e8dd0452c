package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void storedSizesAndTheHeapCapAreOptions() {
        LoadSettings settings =
                LoadSettings.parse(new String[] {"--stored", "0,1_000_000", "--xmx=512m", "--reads", "50"});
        assertThat(settings.stored()).containsExactly(0L, 1_000_000L);
        assertThat(settings.heap()).isEqualTo("-Xmx512m");
        assertThat(settings.reads()).isEqualTo(50);
    }

    @Test
    void byDefaultNothingIsStoredAndTheHeapIsCappedAtOneGigabyte() {
        LoadSettings settings = LoadSettings.parse(new String[0]);
        assertThat(settings.stored()).containsExactly(0L);
        assertThat(settings.heap()).isEqualTo("-Xmx1g");
    }

    @Test
    void theSeedingIsShortAndKeepsTheRest() {
        LoadSettings settings = LoadSettings.parse(new String[] {"--quick", "--stored", "5000"});
        LoadSettings seeding = settings.seeding();
        assertThat(seeding.measure().toSeconds()).isEqualTo(4);
        assertThat(seeding.stored()).isEqualTo(settings.stored());
        assertThat(seeding.entries()).isEqualTo(settings.entries());
    }

    @Test
    void eachSystemIsWarmedUpToTenMinutesUnlessQuickOrSaidOtherwise() {
        assertThat(LoadSettings.parse(new String[0]).jitWarmup()).hasSeconds(600);
        assertThat(LoadSettings.parse(new String[] {"--quick"}).jitWarmup()).isZero();
        assertThat(LoadSettings.parse(new String[] {"--jit-warmup=60"}).jitWarmup())
                .hasSeconds(60);
        // The warm-up's own lines and the seeding have no warm-up of their own.
        assertThat(LoadSettings.parse(new String[0]).seeding().jitWarmup()).isZero();
    }
}
