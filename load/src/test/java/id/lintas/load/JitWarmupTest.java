package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitWarmupTest {

    @Test
    void aRoundIsSettledWhenItsCompilingIsUnderFivePercentOfItsTime() {
        assertThat(JitWarmup.settled(0.4, 10)).isTrue();
        assertThat(JitWarmup.settled(0.5, 10)).isFalse();
        // Two compiler threads: more compiling than wall time.
        assertThat(JitWarmup.settled(14, 10)).isFalse();
    }

    @Test
    void compilingThatCouldNotBeReadNeverSettles() {
        assertThat(JitWarmup.settled(-1, 10)).isFalse();
        assertThat(JitWarmup.settled(0, 0)).isFalse();
    }
}
