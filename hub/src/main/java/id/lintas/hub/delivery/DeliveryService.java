package id.lintas.hub.delivery;

import ca.uhn.fhir.context.FhirContext;
import id.lintas.contracts.canonical.CanonicalReader;
import id.lintas.contracts.model.Referral;
import id.lintas.contracts.spi.OutboundDocument;
import id.lintas.contracts.spi.ReferralStatus;
import id.lintas.contracts.spi.StatusChange;
import id.lintas.contracts.spi.TranslationException;
import id.lintas.contracts.spi.Transport;
import id.lintas.hub.agreement.DataCategory;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.participant.ParticipantDirectory.Connected;
import id.lintas.hub.referral.RecentReferrals;
import id.lintas.hub.referral.ReferralRecord;
import id.lintas.hub.referral.ReferralRepository;
import id.lintas.hub.referral.ReferralRoute;
import id.lintas.hub.routing.ReceiverCopy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders one owed document in its recipient's format and sends it over the recipient's transport.
 * The broker delivers at least once; a claim in the database makes one consumer send at a time and
 * a delivery that has ended is not sent again. A crash between the send and its record can still
 * send twice: every delivery carries its id as the idempotency key the receiver deduplicates on.
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
    private final TransactionTemplate transactions;
    private final DeliveryMeters meters;
    private final AuditLog audit;
    private final RecentReferrals recent;
    private final Duration lease;
    /** This hub instance, in claims: another instance takes a claim over only after its lease. */
    private final String claimant = "hub-" + UUID.randomUUID();

    DeliveryService(
            DeliveryRepository deliveries,
            ReferralRepository referrals,
            ParticipantDirectory participants,
            HttpDelivery http,
            FileDrop files,
            FhirDelivery fhirDelivery,
            FhirContext fhir,
            DeliveryProperties properties,
            TransactionTemplate transactions,
            DeliveryMeters meters,
            AuditLog audit,
            RecentReferrals recent) {
        this.audit = audit;
        this.recent = recent;
        this.deliveries = deliveries;
        this.referrals = referrals;
        this.participants = participants;
        this.http = http;
        this.files = files;
        this.fhirDelivery = fhirDelivery;
        this.fhir = fhir;
        this.properties = properties;
        this.transactions = transactions;
        this.meters = meters;
        // Longer than any one send can take (connect plus read), so a live holder is never overtaken.
        this.lease = properties.httpTimeout().multipliedBy(2).plusSeconds(10);
    }

    /**
     * A claimed delivery with what its send needs, read in the claim's transaction: the referral (without
     * its Bundle), the receiver's route (its grant), and for a referral's delivery its typed model as
     * this instance's intake kept it or else the stored Bundle's JSON, of the revision claimed.
     */
    private record Claim(
            DeliveryRecord delivery,
            Optional<ReferralRecord> referral,
            Optional<ReferralRoute> route,
            Referral kept,
            String storedBundle) {}

    /** What became of one message of a receiver's queue. */
    public enum Outcome {
        /** Sent, refused for good, dead, or a copy of a delivery that had ended: the message is done. */
        DONE,
        /** Another consumer holds the claim: the message goes back to the broker, for later. */
        BUSY
    }

    /**
     * Claims the delivery, sends it, and records the outcome. A delivery that has ended is not sent
     * again; one held by another consumer whose lease has not run out goes back to the broker.
     * Whatever fails after the claim releases it, so no failure leaves a delivery held.
     *
     * @param deliveryId the delivery to make
     * @throws TransientDeliveryException or another runtime exception: the broker redelivers later
     */
    public Outcome deliver(String deliveryId) {
        UUID id = UUID.fromString(deliveryId);
        // The claim and what the send needs (the referral, the receiver's grant) are one transaction.
        Claim claim = transactions.execute(
                tx -> deliveries.claim(id, claimant, lease).map(this::claimed).orElse(null));
        if (claim == null) {
            DeliveryRecord current = deliveries.find(id).orElse(null);
            // Ended (delivered, refused, dead) or unknown: the broker's copy is a duplicate and is dropped.
            return current != null && DeliveryRecord.SENDING.equals(current.state()) ? Outcome.BUSY : Outcome.DONE;
        }
        DeliveryRecord delivery = claim.delivery();
        Optional<ReferralRoute> route = claim.route();
        String recipientId = delivery.recipientId();
        OutboundDocument document = null;
        try {
            ReferralRecord referral = claim.referral().orElseThrow();
            Connected recipient = participants.get(recipientId);
            try {
                document = render(claim, referral, recipient);
                send(recipient, document, id);
            } catch (TranslationException | PermanentDeliveryException e) {
                String reason = DeliveryFailures.reason(e);
                transactions.executeWithoutResult(tx -> {
                    if (deliveries.markEnded(id, DeliveryRecord.FAILED, reason)) {
                        audit.append(attempt(delivery, route, "FAILED", e, null));
                        referrals.addEvent(
                                delivery.referralId(),
                                "DELIVERY_FAILED",
                                null,
                                "hub",
                                delivery.kind() + " to " + recipientId + " refused: " + reason);
                    }
                });
                log.warn(
                        "Delivery {} of referral {} to {} failed for good: {}",
                        id,
                        delivery.referralId(),
                        recipientId,
                        reason);
                meters.outcome(recipientId, DeliveryMeters.FAILED);
                return Outcome.DONE;
            }
        } catch (RuntimeException e) {
            String reason = DeliveryFailures.reason(e);
            if (delivery.attempts() >= properties.maxAttempts()) {
                transactions.executeWithoutResult(tx -> {
                    if (deliveries.markEnded(id, DeliveryRecord.DEAD, reason)) {
                        audit.append(attempt(delivery, route, "DEAD", e, null));
                        referrals.addEvent(
                                delivery.referralId(),
                                "DEAD_LETTER",
                                null,
                                "hub",
                                delivery.kind() + " to " + recipientId + " is dead after " + delivery.attempts()
                                        + " attempts: " + reason);
                    }
                });
                log.error(
                        "Delivery {} to {} exhausted {} attempts: {}; an operator can re-drive it once the receiver is back",
                        id,
                        recipientId,
                        delivery.attempts(),
                        reason);
                meters.outcome(recipientId, DeliveryMeters.DEAD);
                return Outcome.DONE;
            }
            transactions.executeWithoutResult(tx -> {
                deliveries.releaseForRetry(id, claimant, reason);
                audit.append(attempt(delivery, route, "RETRY", e, null));
            });
            log.warn(
                    "Delivery {} to {} failed (attempt {} of {}): {}; the broker will redeliver",
                    id,
                    recipientId,
                    delivery.attempts(),
                    properties.maxAttempts(),
                    reason);
            meters.outcome(recipientId, DeliveryMeters.RETRIED);
            throw DeliveryFailures.withoutDetail(e);
        }
        OutboundDocument sent = document;
        transactions.executeWithoutResult(tx -> {
            deliveries.markDelivered(id);
            audit.append(attempt(delivery, route, "DELIVERED", null, sent.content()));
            referrals.addEvent(
                    delivery.referralId(), "DELIVERED", null, "hub", delivery.kind() + " delivered to " + recipientId);
        });
        if (participants.get(recipientId).adapter().transport() == Transport.FILE) {
            files.settled(recipientId, id);
        }
        log.info("Delivered {} of referral {} to {}", delivery.kind(), delivery.referralId(), recipientId);
        meters.delivered(recipientId, delivery.createdAt());
        return Outcome.DONE;
    }

    private Claim claimed(DeliveryRecord delivery) {
        Optional<ReferralRecord> referral = referrals.findWithoutBundle(delivery.referralId());
        Optional<ReferralRoute> route = referrals.route(delivery.referralId(), delivery.recipientId());
        if (referral.isEmpty() || !DeliveryRecord.REFERRAL.equals(delivery.kind())) {
            return new Claim(delivery, referral, route, null, null);
        }
        Referral kept =
                recent.find(referral.get().id(), referral.get().revision()).orElse(null);
        String stored = kept != null
                ? null
                : referrals.canonicalJson(delivery.referralId()).orElse(null);
        return new Claim(delivery, referral, route, kept, stored);
    }

    /**
     * One attempt and its outcome for the audit log: the failure as its type only (a library's message
     * can carry the document), and a keyed commitment of what was sent.
     */
    private AuditEvent attempt(
            DeliveryRecord delivery, Optional<ReferralRoute> route, String outcome, Exception failure, byte[] sent) {
        AuditEvent event = AuditEvent.of(AuditKind.DELIVERY_ATTEMPTED)
                .withActor(AuditEvent.Actor.system())
                .withReferral(delivery.referralId())
                .withParties(null, delivery.recipientId())
                .withOutcome(outcome)
                .withDetail("delivery", delivery.id().toString())
                .withDetail("attempt", delivery.attempts())
                .withDetail("document", delivery.kind());
        if (route.isPresent()) {
            event = event.withAgreement(route.get().agreementId(), route.get().agreementVersion());
        }
        if (failure != null) {
            event = event.withDetail("reason", failure.getClass().getSimpleName());
        }
        return sent == null ? event : event.withCommitment(audit.commitment(sent));
    }

    private OutboundDocument render(Claim claim, ReferralRecord referral, Connected recipient)
            throws TranslationException {
        DeliveryRecord delivery = claim.delivery();
        if (DeliveryRecord.REFERRAL.equals(delivery.kind())) {
            // The typed model as recorded: kept by this instance's intake moments ago, or the stored
            // Bundle parsed and read once; the minimiser and the receiver's renderer work from the model.
            if (claim.kept() == null && claim.storedBundle() == null) {
                throw new IllegalStateException("referral " + referral.id() + " has no stored Bundle");
            }
            Referral stored = claim.kept() != null
                    ? claim.kept()
                    : CanonicalReader.standard()
                            .read(fhir.newJsonParser().parseResource(Bundle.class, claim.storedBundle()));
            // Fail closed: without the grant its agreement gave this receiver, it gets nothing.
            ReferralRoute grant = claim.route()
                    .orElseThrow(() ->
                            new PermanentDeliveryException("no agreement grant is recorded for " + recipient.id()));
            return ReceiverCopy.render(
                    referral.id().toString(),
                    participants.get(referral.senderId()).participant(),
                    stored,
                    grant.data().stream().map(DataCategory::valueOf).toList(),
                    grant.services(),
                    recipient);
        }
        String sourceReference = referral.senderId().equals(recipient.id()) ? referral.sourceReference() : null;
        StatusChange change = new StatusChange(
                referral.id().toString(),
                sourceReference,
                ReferralStatus.valueOf(delivery.status()),
                delivery.note(),
                delivery.statusAt());
        return recipient.adapter().renderStatus(change, recipient.participant());
    }

    /** The delivery id is the idempotency key a receiver deduplicates on (docs/adapters.md). */
    private void send(Connected recipient, OutboundDocument document, UUID idempotencyKey) {
        if (recipient.adapter().transport() == Transport.FILE) {
            if (!files.publishOnce(recipient.id(), idempotencyKey, document)) {
                log.info(
                        "Delivery {} to {} was published to its outbox before the crash or failure that brought it back; not written again",
                        idempotencyKey,
                        recipient.id());
            }
            return;
        }
        URI endpoint = participants
                .endpoint(recipient.id())
                .orElseThrow(() -> new TransientDeliveryException(
                        "participant " + recipient.id() + " has no endpoint configured", null));
        if (recipient.adapter().transport() == Transport.FHIR) {
            fhirDelivery.send(endpoint, document);
            return;
        }
        http.send(endpoint, document, idempotencyKey.toString());
    }
}
