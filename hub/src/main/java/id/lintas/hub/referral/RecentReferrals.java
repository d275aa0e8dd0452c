package id.lintas.hub.referral;

import id.lintas.contracts.model.Referral;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The typed model of the referrals this instance recorded in the last minutes, so that their delivery,
 * moments later, does not parse and read the stored Bundle again (HAPI's JSON parse was about 5% of
 * the hub's CPU under load: ADR 0014). Keyed by the referral's id and revision, and filled only once the
 * recording transaction has committed, so it never holds what the record does not. A miss (another
 * instance's intake, a restart, an entry dropped) reads the record, as every delivery did before.
 *
 * <p>The oldest entry goes first: every entry is read about once, moments after it is kept, so the
 * newest are the ones a delivery will ask for. (A Caffeine cache was here until ADR 0017: its admission
 * policy keeps entries that were read over new ones that were not yet, and with the cache full it
 * turned away three of four new referrals, whose deliveries parsed their Bundles again.)
 *
 * <p>Bounded in entries and time: an entry is not found after {@link #KEPT_FOR} and is dropped by the
 * next use after that; nothing here is written to disk or logged.
 */
@Component
public class RecentReferrals {

    static final int ENTRIES = 2_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private record Key(UUID id, int revision) {}

    private record Kept(Referral model, long keptAt) {}

    private final LongSupplier nanoTime;
    /** In the order kept, so the eldest is the first to go; guarded by itself. */
    private final LinkedHashMap<Key, Kept> models = new LinkedHashMap<>();

    @Autowired
    public RecentReferrals() {
        this(System::nanoTime);
    }

    RecentReferrals(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

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
                keep(new Key(id, revision), model);
            }
        });
    }

    /** The model of that revision of the referral, when this instance recorded it lately. */
    public Optional<Referral> find(UUID id, int revision) {
        long now = nanoTime.getAsLong();
        synchronized (models) {
            dropExpired(now);
            Kept kept = models.get(new Key(id, revision));
            return kept == null ? Optional.empty() : Optional.of(kept.model());
        }
    }

    private void keep(Key key, Referral model) {
        long now = nanoTime.getAsLong();
        synchronized (models) {
            // Removed first so that a key kept again counts as new.
            models.remove(key);
            models.put(key, new Kept(model, now));
            dropExpired(now);
            Iterator<Kept> eldest = models.values().iterator();
            while (models.size() > ENTRIES) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    private void dropExpired(long now) {
        Iterator<Map.Entry<Key, Kept>> eldest = models.entrySet().iterator();
        while (eldest.hasNext() && now - eldest.next().getValue().keptAt() >= KEPT_FOR.toNanos()) {
            eldest.remove();
        }
    }
}
