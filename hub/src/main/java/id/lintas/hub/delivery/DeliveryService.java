package id.lintas.hub.delivery;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.OutboundReferral;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.agreement.DataMinimiser;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRoute;
import id.lintas.hub.routing.Owners;
import id.lintas.hub.referral.ReferralRepository;
import java.net.URI;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Renders one owed document in its recipient's format and sends it over the recipient's transport.
 * Idempotent: a delivery already done is not done again, so the broker's at-least-once is once.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final ReferralRepository referrals;
    private final ParticipantDirectory participants;
    private final HttpDelivery http;
    private final FileDrop files;
    private final FhirDelivery fhirDelivery;
    private final FhirContext fhir;
    private final DeliveryProperties properties;

    DeliveryService(
            DeliveryRepository deliveries,
            ReferralRepository referrals,
            ParticipantDirectory participants,
            HttpDelivery http,
            FileDrop files,
            FhirDelivery fhirDelivery,
            FhirContext fhir,
            DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.referrals = referrals;
        this.participants = participants;
        this.http = http;
        this.files = files;
        this.fhirDelivery = fhirDelivery;
        this.fhir = fhir;
        this.properties = properties;
    }

    /**
     * @param deliveryId the delivery to make
     * @param deliveryCount the broker's count of attempts at this message (1 = first), may be null
     */
    public void deliver(String deliveryId, Integer deliveryCount) {
        UUID id = UUID.fromString(deliveryId);
        DeliveryRecord delivery = deliveries.find(id).orElse(null);
        // At-least-once: the relay may have queued the same delivery twice. One that has ended (delivered,
        // refused for good, dead-lettered) is not tried again unless an operator puts it back (PENDING).
        if (delivery == null || DeliveryRecord.DELIVERED.equals(delivery.state())
                || DeliveryRecord.FAILED.equals(delivery.state()) || DeliveryRecord.DEAD.equals(delivery.state())) {
            return;
        }
        ReferralRecord referral = referrals.find(delivery.referralId()).orElseThrow();
        Connected recipient = participants.get(delivery.recipientId());
        try {
            OutboundDocument document = render(delivery, referral, recipient);
            send(recipient, document);
        } catch (TranslationException | PermanentDeliveryException e) {
            String reason = DeliveryFailures.reason(e);
            deliveries.markEnded(id, DeliveryRecord.FAILED, reason);
            referrals.addEvent(referral.id(), "DELIVERY_FAILED", null, "hub",
                    delivery.kind() + " to " + recipient.id() + " refused: " + reason);
            log.warn("Delivery {} of referral {} to {} failed for good: {}", id, referral.id(), recipient.id(), reason);
            return;
        } catch (RuntimeException e) {
            String reason = DeliveryFailures.reason(e);
            deliveries.markAttemptFailed(id, reason);
            int attempt = deliveryCount == null ? 1 : deliveryCount;
            if (attempt >= properties.maxAttempts()) {
                deliveries.markEnded(id, DeliveryRecord.DEAD, reason);
                referrals.addEvent(referral.id(), "DEAD_LETTER", null, "hub",
                        delivery.kind() + " to " + recipient.id() + " moved to the dead-letter queue after "
                                + attempt + " attempts: " + reason);
                log.error("Delivery {} to {} exhausted {} attempts; kept in the dead-letter queue",
                        id, recipient.id(), attempt);
            } else {
                log.warn("Delivery {} to {} failed (attempt {}): {}; the broker will redeliver",
                        id, recipient.id(), attempt, reason);
            }
            throw DeliveryFailures.withoutDetail(e);
        }
        deliveries.markDelivered(id);
        referrals.addEvent(referral.id(), "DELIVERED", null, "hub", delivery.kind() + " delivered to " + recipient.id());
        log.info("Delivered {} of referral {} to {}", delivery.kind(), referral.id(), recipient.id());
    }

    private OutboundDocument render(DeliveryRecord delivery, ReferralRecord referral, Connected recipient)
            throws TranslationException {
        if (DeliveryRecord.REFERRAL.equals(delivery.kind())) {
            Bundle stored = fhir.newJsonParser().parseResource(Bundle.class, referral.canonicalJson());
            // Fail closed: without the grant its agreement gave this receiver, it gets nothing.
            ReferralRoute route = referrals.route(referral.id(), recipient.id())
                    .orElseThrow(() -> new PermanentDeliveryException("no agreement grant is recorded for " + recipient.id()));
            Bundle bundle = DataMinimiser.reduce(stored,
                    route.data().stream().map(DataCategory::valueOf).toList(), route.services());
            Owners.assign(bundle, recipient.participant());
            Connected sender = participants.get(referral.senderId());
            return recipient.adapter().renderReferral(
                    new OutboundReferral(referral.id().toString(), sender.participant(), bundle),
                    recipient.participant());
        }
        String sourceReference = referral.senderId().equals(recipient.id()) ? referral.sourceReference() : null;
        StatusChange change = new StatusChange(referral.id().toString(), sourceReference,
                ReferralStatus.valueOf(delivery.status()), delivery.note(), delivery.statusAt());
        return recipient.adapter().renderStatus(change, recipient.participant());
    }

    private void send(Connected recipient, OutboundDocument document) {
        if (recipient.adapter().transport() == Transport.FILE) {
            files.write(recipient.id(), document);
            return;
        }
        URI endpoint = participants.endpoint(recipient.id())
                .orElseThrow(() -> new TransientDeliveryException(
                        "participant " + recipient.id() + " has no endpoint configured", null));
        if (recipient.adapter().transport() == Transport.FHIR) {
            fhirDelivery.send(endpoint, document);
            return;
        }
        http.send(endpoint, document);
    }
}
