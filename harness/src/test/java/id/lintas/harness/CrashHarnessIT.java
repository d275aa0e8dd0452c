package id.lintas.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short crash run in the default build: the real hub jar, a few hundred referrals through the
 * four entry points, a kill -9 of the JVM and one of the JVM with its database, a receiver down, a
 * receiver hanging and the database frozen. Nothing accepted may be lost or take effect twice.
 */
class CrashHarnessIT {

    @Test
    void referralsSurviveKillsAndFreezesWithoutLossOrDuplicates() throws Exception {
        Path jar = Path.of(System.getProperty("lintas.hub.jar", "../hub/target/lintas-hub.jar"));
        assertThat(jar)
                .as("the hub's executable jar (the reactor builds it before this module: ./mvnw verify, "
                        + "or ./mvnw -pl hub -am package -DskipTests)")
                .isRegularFile();
        Path shared = Path.of(System.getProperty("lintas.shared.dir", "../../shared"));
        Path work = Path.of(System.getProperty("lintas.harness.work-dir", "target/crash-harness"));
        Files.createDirectories(work);
        HarnessSettings settings = HarnessSettings.shortRun(jar, shared, Files.createTempDirectory(work, "run-"));

        Report report = CrashRun.run(settings);
        System.out.print(report.table());

        assertThat(report.faults())
                .as(report.table())
                .hasSize(settings.faults().values().stream().mapToInt(n -> n).sum());
        assertThat(report.total().accepted()).as(report.table()).isPositive();
        assertThat(report.lost()).as("lost\n" + report.table()).isZero();
        assertThat(report.duplicated()).as("duplicated\n" + report.table()).isZero();
        assertThat(report.restartsNotFirstTime())
                .as("restarts that needed more than one start\n" + report.table())
                .isZero();
    }
}
