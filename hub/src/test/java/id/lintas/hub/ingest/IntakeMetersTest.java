package id.lintas.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class IntakeMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IntakeMeters meters = new IntakeMeters(registry);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aReferralIsCountedOnceItsTransactionHasCommitted() {
        TransactionSynchronizationManager.initSynchronization();
        meters.received("kukar");
        meters.routed("kukar", "ppu", "pks-kukar-ppu-2024");

        assertThat(registry.find("lintas.referrals.received").counter()).isNull();

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(registry.get("lintas.referrals.received")
                        .tag("sender", "kukar")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("lintas.referrals.routed")
                        .tags("sender", "kukar", "receiver", "ppu", "agreement", "pks-kukar-ppu-2024")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRolledBackIntakeCountsNothing() {
        TransactionSynchronizationManager.initSynchronization();
        meters.received("kukar");
        meters.refused("kukar");

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(registry.find("lintas.referrals.received").counter()).isNull();
        assertThat(registry.find("lintas.referrals.refused").counter()).isNull();
    }

    @Test
    void rejectedRowsAreCountedByChannel() {
        meters.rejected("ppu", "file", 3);
        meters.rejected("ppu", "file", 0);
        meters.rejected("kukar", "http", 1);

        assertThat(registry.get("lintas.messages.rejected")
                        .tags("sender", "ppu", "channel", "file")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("lintas.messages.rejected")
                        .tags("sender", "kukar", "channel", "http")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
