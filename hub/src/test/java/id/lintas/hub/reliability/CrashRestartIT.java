package id.lintas.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hub jar killed as a container kill or the OOM killer kills it, and started again on the same
 * data directory: it starts the first time, and while it starts its intake answers 503 (never 500).
 */
class CrashRestartIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final String KUKAR_REFERRAL = "{\"no_registrasi\":\"CRASH/1\"}";

    @Test
    void startsTheFirstTimeAfterTheJvmOrTheJvmAndItsDatabaseWereKilled() throws Exception {
        Path dataDir = Files.createTempDirectory("lintas-crash-");
        try (HubProcess hub = new HubProcess(dataDir, List.of("--spring.profiles.active=demo"))) {
            Map<Integer, Integer> duringStart = startAndWatchIntake(hub);
            assertThat(duringStart)
                    .as("intake answers while the hub starts (status -> count)")
                    .doesNotContainKey(500)
                    .containsKey(401);
            long firstPostmaster = hub.postmaster().orElseThrow().pid();

            hub.kill();
            Optional<ProcessHandle> orphan = hub.postmaster();
            assertThat(orphan)
                    .as("kill -9 of the JVM leaves its PostgreSQL running")
                    .isPresent();

            Duration restart = timeToReady(hub);
            System.out.printf("restart after kill -9 of the JVM: ready in %d ms%n", restart.toMillis());
            assertThat(hub.isAlive()).as("started the first time").isTrue();
            assertThat(orphan.get().isAlive())
                    .as("the orphaned PostgreSQL was stopped")
                    .isFalse();
            assertThat(hub.postmaster().orElseThrow().pid()).isNotEqualTo(firstPostmaster);

            hub.killWithDatabase();
            assertThat(hub.postgresProcesses())
                    .as("nothing of PostgreSQL left running")
                    .isEmpty();
            Duration fullRestart = timeToReady(hub);
            System.out.printf(
                    "restart after kill -9 of the JVM and its PostgreSQL: ready in %d ms%n", fullRestart.toMillis());
            assertThat(hub.isAlive()).isTrue();

            hub.stop();
            assertThat(hub.postgresProcesses())
                    .as("a graceful stop stops the embedded PostgreSQL")
                    .isEmpty();
        }
    }

    /** Starts the hub and posts a referral every 50 ms until it is ready; returns the statuses seen. */
    private static Map<Integer, Integer> startAndWatchIntake(HubProcess hub) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        hub.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && hub.isAlive()) {
            int status = hub.status("POST", "/api/v1/participants/kukar/referrals", "application/json", KUKAR_REFERRAL);
            if (status != -1) {
                statuses.merge(status, 1, Integer::sum);
            }
            if (status == 401 && hub.isReady()) {
                return statuses;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the hub did not become ready within " + START_LIMIT + " (alive: " + hub.isAlive()
                + "); statuses seen " + statuses + "; see target/hub-process-*.log");
    }

    private static Duration timeToReady(HubProcess hub) throws Exception {
        long started = System.nanoTime();
        hub.start();
        long deadline = started + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && hub.isAlive()) {
            if (hub.isReady()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the hub did not become ready within " + START_LIMIT + " (alive: " + hub.isAlive()
                + "); see target/hub-process-*.log");
    }
}
