package id.lintas.hub.referral;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.lintas.contracts.model.Referral;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The typed model of the referrals this instance recorded in the last minutes, so that their delivery,
 * moments later, does not parse and read the stored Bundle again (HAPI's JSON parse was about 5% of
 * the hub's CPU under load: ADR 0014). Keyed by the referral's id and revision, and filled only once the
 * recording transaction has committed, so it never holds what the record does not. A miss (another
 * instance's intake, a restart, an evicted entry) reads the record, as every delivery did before.
 *
 * <p>Bounded in entries and time: the heap holds victims' data only as long as a delivery takes to
 * start, never longer than {@link #KEPT_FOR}; nothing here is written to disk or logged.
 */
@Component
public class RecentReferrals {

    static final int ENTRIES = 2_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private record Key(UUID id, int revision) {}

    private final Cache<Key, Referral> models = Caffeine.newBuilder()
            .maximumSize(ENTRIES)
            .expireAfterWrite(KEPT_FOR)
            .build();

    /**
     * Keeps the model of a referral being recorded, once the caller's transaction commits; nothing when
     * it rolls back.
     *
     * @param model the model as the record holds it (its owner named)
     */
    public void keepAfterCommit(UUID id, int revision, Referral model) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                models.put(new Key(id, revision), model);
            }
        });
    }

    /** The model of that revision of the referral, when this instance recorded it lately. */
    public Optional<Referral> find(UUID id, int revision) {
        return Optional.ofNullable(models.getIfPresent(new Key(id, revision)));
    }
}
