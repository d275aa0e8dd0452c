package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeterTest {

    @Test
    void cpuTicksAreUserSystemAndEndedChildren() {
        // A command name with spaces and a parenthesis: the fields are counted after the last ')'.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1200 300 40 5 20 0 60 0 100 1000 50";
        assertThat(Meter.ticks(stat)).isEqualTo(1200 + 300 + 40 + 5);
    }

    @Test
    void theHarnessOwnProcessHasCpuTime() {
        assertThat(Meter.cpuMillis(java.util.List.of(ProcessHandle.current()))).isPositive();
    }

    @Test
    void theJitCompilerThreadsAreKnownByTheirCutNames() {
        assertThat(Meter.compilerThread("C2 CompilerThre")).isTrue();
        assertThat(Meter.compilerThread("C1 CompilerThre")).isTrue();
        assertThat(Meter.compilerThread("C2 CompilerThread0")).isTrue();
        assertThat(Meter.compilerThread("http-nio-8080-e")).isFalse();
        assertThat(Meter.compilerThread("GC Thread#0")).isFalse();
    }

    @Test
    void theHarnessOwnCompilerThreadsAreRead() {
        assertThat(Meter.compilerCpuSeconds(ProcessHandle.current().pid())).isNotNegative();
        assertThat(Meter.compilerCpuSeconds(-7)).isEqualTo(-1);
    }
}
