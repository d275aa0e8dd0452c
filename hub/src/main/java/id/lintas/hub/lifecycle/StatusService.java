package id.lintas.hub.lifecycle;

import id.lintas.contracts.spi.Participant;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.delivery.OwedDelivery;
import id.lintas.hub.lifecycle.ReferralLifecycle.Party;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final AuditLog audit;

    StatusService(ReferralRepository referrals, DeliveryRepository deliveries, AuditLog audit) {
        this.audit = audit;
        this.referrals = referrals;
        this.deliveries = deliveries;
    }

    /**
     * @param referralId the referral
     * @param status its status after the change
     * @param changed false when the same status was sent again (nothing recorded, nothing sent)
     * @param deliveryIds deliveries to publish after commit
     */
    public record Result(UUID referralId, String status, boolean changed, List<OwedDelivery> deliveryIds) {}

    @Transactional
    public Result apply(Participant actor, StatusChange change) {
        UUID id = parse(change.hubReferralId());
        ReferralRecord referral =
                referrals.findForUpdate(id).orElseThrow(() -> new ReferralNotFoundException(change.hubReferralId()));
        List<ReferralRoute> routes = referrals.routes(id);
        Optional<ReferralRoute> ownRoute = routes.stream()
                .filter(r -> r.participantId().equals(actor.id()))
                .findFirst();
        boolean sender = referral.senderId().equals(actor.id());
        if (!sender && ownRoute.isEmpty() && !actor.id().equals(referral.destinationId())) {
            throw new ReferralNotFoundException(change.hubReferralId());
        }
        Party party = sender ? Party.SENDER : Party.RECEIVER;
        String current =
                party == Party.RECEIVER && ownRoute.isPresent() ? ownRoute.get().status() : referral.status();
        if (current.equals(change.status().name())) {
            return new Result(id, referral.status(), false, List.of());
        }
        String refusal = ReferralLifecycle.refusal(current, change.status(), party);
        if (refusal != null) {
            throw new StatusChangeRefusedException(refusal);
        }
        String status = change.status().name();
        referrals.updateStatus(id, status);
        referrals.addEvent(id, "STATUS", status, actor.id(), null);
        // A receiver's answer is its own handoff's; a sender's change concerns every receiver (none named).
        audit.append(AuditEvent.of(AuditKind.STATUS_CHANGED)
                .withActor(actor.id(), actor.id(), "PARTICIPANT")
                .withReferral(id)
                .withParties(referral.senderId(), party == Party.RECEIVER ? actor.id() : null)
                .withAgreement(
                        ownRoute.map(ReferralRoute::agreementId).orElse(null),
                        ownRoute.map(ReferralRoute::agreementVersion).orElse(null))
                .withOutcome(status)
                .withDetail("from", current)
                .withDetail("to", status));
        List<OwedDelivery> owed = new ArrayList<>();
        if (party == Party.RECEIVER) {
            ownRoute.ifPresent(r -> referrals.updateRouteStatus(id, r.participantId(), status));
            owed.add(deliveries.addStatus(id, referral.senderId(), status, change.note(), change.at()));
            log.info("Referral {} is now {} (by {}); telling {}", id, status, actor.id(), referral.senderId());
        } else {
            // The sender's change (a cancellation) concerns every receiver that has not finished with it.
            List<String> receivers = routes.isEmpty() && referral.destinationId() != null
                    ? List.of(referral.destinationId())
                    : routes.stream()
                            .filter(r -> ReferralLifecycle.refusal(r.status(), change.status(), Party.SENDER) == null)
                            .map(ReferralRoute::participantId)
                            .toList();
            for (String receiver : receivers) {
                referrals.updateRouteStatus(id, receiver, status);
                owed.add(deliveries.addStatus(id, receiver, status, change.note(), change.at()));
            }
            log.info("Referral {} is now {} (by its sender {}); telling {}", id, status, actor.id(), receivers);
        }
        return new Result(id, status, true, owed);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new ReferralNotFoundException(id);
        }
    }
}
