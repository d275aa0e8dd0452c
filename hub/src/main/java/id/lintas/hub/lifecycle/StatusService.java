package id.lintas.hub.lifecycle;

import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.lifecycle.ReferralLifecycle.Party;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies a status change from a participant and owes it to the other party. */
@Service
public class StatusService {

    private static final Logger log = LoggerFactory.getLogger(StatusService.class);

    private final ReferralRepository referrals;
    private final DeliveryRepository deliveries;

    StatusService(ReferralRepository referrals, DeliveryRepository deliveries) {
        this.referrals = referrals;
        this.deliveries = deliveries;
    }

    /**
     * @param referralId the referral
     * @param status its status after the change
     * @param changed false when the same status was sent again (nothing recorded, nothing sent)
     * @param deliveryIds deliveries to publish after commit
     */
    public record Result(UUID referralId, String status, boolean changed, List<UUID> deliveryIds) {}

    @Transactional
    public Result apply(Participant actor, StatusChange change) {
        UUID id = parse(change.hubReferralId());
        ReferralRecord referral = referrals.findForUpdate(id)
                .filter(r -> r.involves(actor.id()))
                .orElseThrow(() -> new ReferralNotFoundException(change.hubReferralId()));
        if (referral.status().equals(change.status().name())) {
            return new Result(id, referral.status(), false, List.of());
        }
        Party party = referral.senderId().equals(actor.id()) ? Party.SENDER : Party.RECEIVER;
        String refusal = ReferralLifecycle.refusal(referral.status(), change.status(), party);
        if (refusal != null) {
            throw new StatusChangeRefusedException(refusal);
        }
        String status = change.status().name();
        referrals.updateStatus(id, status);
        referrals.addEvent(id, "STATUS", status, actor.id(), null);
        String other = party == Party.SENDER ? referral.destinationId() : referral.senderId();
        UUID delivery = deliveries.addStatus(id, other, status, change.note(), change.at());
        log.info("Referral {} is now {} (by {}); telling {}", id, status, actor.id(), other);
        return new Result(id, status, true, List.of(delivery));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new ReferralNotFoundException(id);
        }
    }
}
