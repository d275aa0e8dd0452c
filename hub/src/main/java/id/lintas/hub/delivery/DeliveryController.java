package id.lintas.hub.delivery;

import id.lintas.hub.audit.AuditEvent;
import id.lintas.hub.audit.AuditKind;
import id.lintas.hub.audit.AuditLog;
import id.lintas.hub.participant.ParticipantDirectory;
import id.lintas.hub.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators: each receiver's state (circuit, backlog, oldest waiting, dead), deliveries by state
 * and receiver, and re-drives once a receiver is back (one delivery, or every dead one of a receiver).
 */
@RestController
class DeliveryController {

    private final DeliveryRepository deliveries;
    private final OutboxPublisher outbox;
    private final ReceiverCircuits circuits;
    private final ParticipantDirectory participants;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    DeliveryController(
            DeliveryRepository deliveries,
            OutboxPublisher outbox,
            ReceiverCircuits circuits,
            ParticipantDirectory participants,
            TransactionTemplate transactions,
            AuditLog audit) {
        this.transactions = transactions;
        this.audit = audit;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.circuits = circuits;
        this.participants = participants;
    }

    @GetMapping("/api/v1/deliveries")
    List<Map<String, Object>> byState(
            @RequestParam(defaultValue = "DEAD") String state, @RequestParam(required = false) String receiver) {
        List<DeliveryRecord> found = receiver == null
                ? deliveries.inState(state.toUpperCase(), 200)
                : deliveries.inState(state.toUpperCase(), receiver, 200);
        return found.stream().map(DeliveryController::view).toList();
    }

    @GetMapping("/api/v1/deliveries/receivers")
    List<Map<String, Object>> receivers() {
        Map<String, DeliveryRepository.Backlog> backlogs = deliveries.backlogs().stream()
                .collect(Collectors.toMap(DeliveryRepository.Backlog::recipientId, Function.identity()));
        Instant now = Instant.now();
        return participants.all().stream()
                .map(participant -> {
                    DeliveryRepository.Backlog backlog = backlogs.get(participant.id());
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("receiver", participant.id());
                    view.put("circuit", circuits.state(participant.id()));
                    view.put("waiting", backlog == null ? 0 : backlog.waiting());
                    view.put(
                            "oldestWaiting",
                            backlog == null || backlog.oldestWaiting() == null
                                    ? null
                                    : backlog.oldestWaiting().toString());
                    view.put(
                            "oldestWaitingSeconds",
                            backlog == null || backlog.oldestWaiting() == null
                                    ? 0
                                    : Duration.between(backlog.oldestWaiting(), now)
                                            .toSeconds());
                    view.put("dead", backlog == null ? 0 : backlog.dead());
                    return view;
                })
                .toList();
    }

    @PostMapping("/api/v1/deliveries/{id}/retry")
    ResponseEntity<Map<String, Object>> retry(@PathVariable UUID id) {
        return transactions
                .execute(tx -> audited(deliveries.resetForRetry(id).stream().toList()))
                .stream()
                .findFirst()
                .map(owed -> {
                    outbox.publish(List.of(owed));
                    return ResponseEntity.accepted()
                            .body(Map.<String, Object>of("deliveryId", id.toString(), "state", DeliveryRecord.PENDING));
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/deliveries/receivers/{receiver}/redrive")
    ResponseEntity<Map<String, Object>> redrive(@PathVariable String receiver) {
        if (participants.find(receiver).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        List<OwedDelivery> owed = transactions.execute(tx -> audited(deliveries.resetDeadForRetry(receiver)));
        outbox.publish(owed);
        return ResponseEntity.accepted().body(Map.of("receiver", receiver, "redriven", owed.size()));
    }

    /** Each re-driven delivery in the audit log, in the transaction that put it back in the outbox. */
    private List<OwedDelivery> audited(List<OwedDelivery> redriven) {
        Caller operator = Caller.required();
        AuditEvent.Actor actor = new AuditEvent.Actor(operator.name(), operator.party(), operator.actingRole());
        for (OwedDelivery owed : redriven) {
            deliveries.find(owed.id()).ifPresent(d -> audit.append(redriven(d.referralId(), owed, actor)));
        }
        return redriven;
    }

    static AuditEvent redriven(java.util.UUID referralId, OwedDelivery delivery, AuditEvent.Actor actor) {
        return AuditEvent.of(AuditKind.REDRIVE)
                .withActor(actor)
                .withReferral(referralId)
                .withParties(null, delivery.recipientId())
                .withOutcome("REDRIVEN")
                .withDetail("delivery", delivery.id().toString());
    }

    private static Map<String, Object> view(DeliveryRecord d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deliveryId", d.id().toString());
        view.put("referralId", d.referralId().toString());
        view.put("recipient", d.recipientId());
        view.put("kind", d.kind());
        view.put("state", d.state());
        view.put("attempts", d.attempts());
        view.put("lastError", d.lastError() == null ? "" : d.lastError());
        return view;
    }
}
