package id.lintas.hub.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.model.Referral;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The delivery's shortcut holds only what a committed record holds, of the revision recorded. */
class RecentReferralsTest {

    private final RecentReferrals recent = new RecentReferrals();
    private final Referral model =
            Referral.builder().sourceCaseNumber("KKR/TEST/1").revision(2).build();

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aModelIsKeptOnlyOnceItsTransactionCommits() {
        UUID id = UUID.randomUUID();
        TransactionSynchronizationManager.initSynchronization();
        recent.keepAfterCommit(id, 2, model);

        assertThat(recent.find(id, 2)).as("before the commit").isEmpty();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(recent.find(id, 2)).containsSame(model);
        assertThat(recent.find(id, 3)).as("another revision").isEmpty();
        assertThat(recent.find(UUID.randomUUID(), 2)).isEmpty();
    }

    @Test
    void aRolledBackRecordLeavesNothing() {
        UUID id = UUID.randomUUID();
        TransactionSynchronizationManager.initSynchronization();
        recent.keepAfterCommit(id, 2, model);

        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(recent.find(id, 2)).isEmpty();
    }

    @Test
    void outsideATransactionNothingCanBeKept() {
        assertThatThrownBy(() -> recent.keepAfterCommit(UUID.randomUUID(), 1, model))
                .isInstanceOf(IllegalStateException.class);
    }
}
