package id.lintas.hub.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What intake did, as counters for operators: referrals received, refused and routed, messages rejected
 * as invalid. Tags are participant ids, agreement ids and channels only, never anything from a case.
 * Inside a transaction a count is made once it has committed, so a rolled-back intake counts nothing.
 */
@Component
class IntakeMeters {

    private final MeterRegistry meters;

    IntakeMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A new referral, or a new revision of one (a resend of the same revision is not counted). */
    void received(String sender) {
        afterCommit(() -> Counter.builder("lintas.referrals.received")
                .description("Referrals received (new cases and new revisions), by sender")
                .tag("sender", sender)
                .register(meters)
                .increment());
    }

    /** Refused by routing: no agreement in force covers it. */
    void refused(String sender) {
        afterCommit(() -> Counter.builder("lintas.referrals.refused")
                .description("Referrals the hub refused to route (no agreement in force covers them), by sender")
                .tag("sender", sender)
                .register(meters)
                .increment());
    }

    /** Routed to one receiver under one agreement. */
    void routed(String sender, String receiver, String agreement) {
        afterCommit(() -> Counter.builder("lintas.referrals.routed")
                .description("Referrals routed, by sender, receiver and the agreement that allowed it")
                .tag("sender", sender)
                .tag("receiver", receiver)
                .tag("agreement", agreement)
                .register(meters)
                .increment());
    }

    /** Messages (or file rows) that did not translate or validate. */
    void rejected(String sender, String channel, int count) {
        if (count > 0) {
            Counter.builder("lintas.messages.rejected")
                    .description("Messages and file rows rejected as invalid, by sender and channel (http, file)")
                    .tag("sender", sender)
                    .tag("channel", channel)
                    .register(meters)
                    .increment(count);
        }
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
