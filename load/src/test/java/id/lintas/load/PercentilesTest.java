package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToOneHundred() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        Percentiles p = new Percentiles(values);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(95)).isEqualTo(95);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        Percentiles p = new Percentiles(new long[] {30, 10, 20});
        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(99)).isEqualTo(30);
        assertThat(new Percentiles(new long[] {7}).at(50)).isEqualTo(7);
    }

    @Test
    void noValuesIsNone() {
        assertThat(new Percentiles(new long[0]).at(50)).isEqualTo(Percentiles.NONE);
    }
}
