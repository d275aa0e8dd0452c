package id.lintas.hub.delivery;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.referral.ReferralRepository;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Deliveries the broker gave up on, made visible; and where a message of the old shared queue goes. */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeliveryRepository deliveries;
    private final ReferralRepository referrals;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    DeadLetters(
            DeliveryRepository deliveries,
            ReferralRepository referrals,
            TransactionTemplate transactions,
            AuditLog audit) {
        this.audit = audit;
        this.deliveries = deliveries;
        this.referrals = referrals;
        this.transactions = transactions;
    }

    /** A message in the dead-letter queue: its delivery is DEAD unless it had ended already. */
    public void record(String deliveryId) {
        UUID id = parse(deliveryId);
        if (id == null) {
            log.warn("Dropped a message in the dead-letter queue that names no delivery");
            return;
        }
        deliveries
                .find(id)
                .ifPresent(delivery -> transactions.executeWithoutResult(tx -> {
                    if (deliveries.markEnded(
                            id,
                            DeliveryRecord.DEAD,
                            "dead-lettered by the broker after its attempt limit"
                                    + (delivery.lastError() == null ? "" : "; last error: " + delivery.lastError()))) {
                        referrals.addEvent(
                                delivery.referralId(),
                                "DEAD_LETTER",
                                null,
                                "hub",
                                delivery.kind() + " to " + delivery.recipientId() + " dead-lettered by the broker");
                        audit.append(dead(delivery.referralId(), delivery.recipientId(), id, "broker"));
                        log.error(
                                "Delivery {} to {} was dead-lettered by the broker; an operator can re-drive it",
                                id,
                                delivery.recipientId());
                    }
                }));
    }

    /** A delivery that ended DEAD without an attempt of its own (the broker's or the sweeper's decision). */
    static AuditEvent dead(UUID referralId, String receiver, UUID deliveryId, String by) {
        return AuditEvent.of(AuditKind.DELIVERY_ATTEMPTED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(referralId)
                .withParties(null, receiver)
                .withOutcome("DEAD")
                .withDetail("delivery", deliveryId.toString())
                .withDetail("by", by);
    }

    /** The receiver of a delivery, or null when no such delivery exists. */
    public String receiverOf(String deliveryId) {
        UUID id = parse(deliveryId);
        return id == null
                ? null
                : deliveries.find(id).map(DeliveryRecord::recipientId).orElse(null);
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
