package id.lintas.hub.delivery;

import id.lintas.hub.Endpoints;
import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.referral.ReferralRepository;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds deliveries that should be on the broker but are not (a message lost with a broker's
 * journal, or dead-lettered while its hub was down) and publishes them again. A delivery is a
 * candidate after a silence longer than any redelivery waits; it is re-driven only when its
 * receiver's queue does not hold it (a queue browsed; a long backlog or an open circuit is waiting,
 * not stuck). One re-driven too often, or whose receiver is no longer known, becomes DEAD with the
 * reason.
 */
@Component
class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final DeliveryRepository deliveries;
    private final ReferralRepository referrals;
    private final ParticipantDirectory participants;
    private final OutboxPublisher publisher;
    private final JmsTemplate jms;
    private final TransactionTemplate transactions;
    private final DeliveryProperties properties;
    private final AuditLog audit;

    Sweeper(
            DeliveryRepository deliveries,
            ReferralRepository referrals,
            ParticipantDirectory participants,
            OutboxPublisher publisher,
            JmsTemplate jms,
            TransactionTemplate transactions,
            DeliveryProperties properties,
            AuditLog audit) {
        this.audit = audit;
        this.deliveries = deliveries;
        this.referrals = referrals;
        this.participants = participants;
        this.publisher = publisher;
        this.jms = jms;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** How long a delivery may show no activity before it is suspected lost. */
    Duration quiet() {
        Duration longestWait = properties
                                .maxRedeliveryDelay()
                                .compareTo(properties.httpTimeout().multipliedBy(2))
                        > 0
                ? properties.maxRedeliveryDelay()
                : properties.httpTimeout().multipliedBy(2);
        return longestWait.plus(properties.sweepGrace());
    }

    public int sweep() {
        Duration quiet = quiet();
        List<DeliveryRepository.Redrive> suspects = deliveries.suspects(quiet, 500);
        Map<String, List<DeliveryRepository.Redrive>> byReceiver = suspects.stream()
                .collect(Collectors.groupingBy(r -> r.delivery().recipientId()));
        int redriven = 0;
        for (Map.Entry<String, List<DeliveryRepository.Redrive>> receiver : byReceiver.entrySet()) {
            Set<String> queued = queued(receiver.getKey());
            if (queued == null) {
                continue; // cannot tell: re-drive nothing of this receiver rather than flood it with copies
            }
            List<UUID> waiting = new ArrayList<>();
            for (DeliveryRepository.Redrive suspect : receiver.getValue()) {
                UUID id = suspect.delivery().id();
                if (queued.contains(id.toString())) {
                    waiting.add(id); // waiting its turn behind a backlog or an open circuit
                    continue;
                }
                Optional<Integer> taken = transactions.execute(tx -> {
                    Optional<Integer> took = deliveries.takeForRedrive(id, quiet);
                    took.ifPresent(redrives -> audit.append(DeliveryController.redriven(
                                    suspect.referralId(), suspect.delivery(), AuditEvent.Actor.system())
                            .withDetail("redrives", redrives)));
                    return took;
                });
                if (taken.isEmpty()) {
                    continue; // another instance took it, or it moved on
                }
                if (participants.find(receiver.getKey()).isEmpty()) {
                    dead(suspect, "receiver " + receiver.getKey() + " is no longer a participant");
                } else if (taken.get() > properties.maxRedrives()) {
                    dead(suspect, "lost from the broker " + (taken.get() - 1) + " times");
                } else {
                    log.warn(
                            "Delivery {} to {} was not on the broker; published again (re-drive {})",
                            id,
                            receiver.getKey(),
                            taken.get());
                    publisher.publish(List.of(suspect.delivery()));
                    redriven++;
                }
            }
            deliveries.touch(waiting);
        }
        return redriven;
    }

    private void dead(DeliveryRepository.Redrive redrive, String reason) {
        UUID id = redrive.delivery().id();
        transactions.executeWithoutResult(tx -> {
            if (deliveries.markEnded(id, DeliveryRecord.DEAD, reason)) {
                referrals.addEvent(
                        redrive.referralId(),
                        "DEAD_LETTER",
                        null,
                        "hub",
                        redrive.kind() + " to " + redrive.delivery().recipientId() + " is dead: " + reason);
                audit.append(DeadLetters.dead(
                        redrive.referralId(), redrive.delivery().recipientId(), id, "sweeper"));
            }
        });
        log.error("Delivery {} to {} is dead: {}", id, redrive.delivery().recipientId(), reason);
    }

    /** The delivery ids waiting on a receiver's queue (messages scheduled for redelivery are not browsable). */
    private Set<String> queued(String receiverId) {
        try {
            Set<String> ids = jms.browse(Endpoints.RECEIVER_QUEUE_PREFIX + receiverId, (session, browser) -> {
                Set<String> found = new HashSet<>();
                var messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    if (messages.nextElement() instanceof TextMessage text) {
                        found.add(text.getText());
                    }
                }
                return found;
            });
            return ids == null ? Collections.emptySet() : ids;
        } catch (RuntimeException e) {
            log.warn(
                    "Could not browse the queue of {} ({}); its deliveries are swept next time",
                    receiverId,
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
