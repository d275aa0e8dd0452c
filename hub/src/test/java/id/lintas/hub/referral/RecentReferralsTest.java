package id.lintas.hub.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lintas.contracts.model.Referral;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
    void theNewestAreFoundWhenEachIsReadOnceMomentsAfterItIsKept() {
        // Delivery's pattern under load: every referral read once, about a hundred referrals later.
        int lag = 100;
        List<UUID> ids = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < 3 * RecentReferrals.ENTRIES; i++) {
            ids.add(kept(model));
            if (i >= lag && recent.find(ids.get(i - lag), 2).isPresent()) {
                found++;
            }
        }

        assertThat(found).as("deliveries that found their model").isEqualTo(3 * RecentReferrals.ENTRIES - lag);
        assertThat(recent.find(ids.get(ids.size() - 1), 2)).as("the newest").containsSame(model);
        assertThat(recent.find(ids.get(ids.size() - RecentReferrals.ENTRIES - 1), 2))
                .as("beyond the bound")
                .isEmpty();
    }

    @Test
    void anEntryIsNotFoundOnceItsTimeIsUp() {
        AtomicLong now = new AtomicLong();
        RecentReferrals timed = new RecentReferrals(now::get);
        UUID early = kept(timed, model);
        now.addAndGet(RecentReferrals.KEPT_FOR.toNanos() / 2);
        UUID later = kept(timed, model);

        now.addAndGet(RecentReferrals.KEPT_FOR.toNanos() / 2 - 1);
        assertThat(timed.find(early, 2)).as("just inside its time").containsSame(model);

        now.incrementAndGet();
        assertThat(timed.find(early, 2)).as("its time up").isEmpty();
        assertThat(timed.find(later, 2)).as("kept later").containsSame(model);
    }

    private UUID kept(Referral kept) {
        return kept(recent, kept);
    }

    private static UUID kept(RecentReferrals into, Referral kept) {
        UUID id = UUID.randomUUID();
        TransactionSynchronizationManager.initSynchronization();
        into.keepAfterCommit(id, 2, kept);
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        TransactionSynchronizationManager.clearSynchronization();
        return id;
    }

    @Test
    void outsideATransactionNothingCanBeKept() {
        assertThatThrownBy(() -> recent.keepAfterCommit(UUID.randomUUID(), 1, model))
                .isInstanceOf(IllegalStateException.class);
    }
}
