package id.lintas.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionServersTest {

    @Test
    void theServersAreMadeWithNagleOff() throws Exception {
        try (RegionServers servers = new RegionServers(new Ledger())) {
            assertThat(servers.port()).isPositive();
            // What the JDK's HTTP server reads when its first server of the JVM is made.
            assertThat(System.getProperty(RegionServers.NODELAY)).isEqualTo("true");
        }
    }
}
