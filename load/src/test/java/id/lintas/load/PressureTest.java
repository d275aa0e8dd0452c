package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PressureTest {

    private static Pressure line(double gcPercent, long full, long liveMb) {
        return new Pressure("hub", "kukar-http", 4, gcPercent, 40, full, 2, liveMb, 1024);
    }

    @Test
    void aFullCollectionMuchGcTimeOrALiveSetNearTheCapIsThrashing() {
        assertThat(line(3.5, 0, 300).thrashing()).isFalse();
        assertThat(line(3.5, 1, 300).thrashing()).isTrue();
        assertThat(line(25, 0, 300).thrashing()).isTrue();
        assertThat(line(3.5, 0, 922).thrashing()).isTrue();
        assertThat(line(3.5, 0, 921).thrashing()).isFalse();
    }

    @Test
    void theTableShowsCountsLiveShareAndTheVerdict() {
        String[] lines = Pressure.format(List.of(
                        line(3.46, 0, 256), new Pressure("hub+1000000", "ppu-file", 16, -1, -1, 2, 0, 1000, 1024)))
                .split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("system       entry point   c  gc %");
        assertThat(lines[1].split(" +"))
                .containsExactly("hub", "kukar-http", "4", "3.5", "40", "0", "2", "256/1024", "25.0", "no");
        assertThat(lines[2].split(" +"))
                .containsExactly("hub+1000000", "ppu-file", "16", "-", "-", "2", "0", "1000/1024", "97.7", "yes");
    }

    @Test
    void jstatColumnsAreReadByName() {
        List<String> gcutil = List.of(
                "  S0     S1     E      O      M     CCS    YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT   ",
                "  0.00 100.00  42.11  63.02  97.70  94.53    181     2.512     1     0.301    12     0.090     2.903");
        assertThat(Meter.column(gcutil, "YGC")).isEqualTo(181);
        assertThat(Meter.column(gcutil, "FGC")).isEqualTo(1);
        assertThat(Meter.column(gcutil, "CGC")).isEqualTo(12);
        assertThat(Meter.column(gcutil, "GCT")).isEqualTo(2.903);
        assertThat(Meter.column(List.of("jstat: no such process"), "GCT")).isEqualTo(-1);
    }
}
