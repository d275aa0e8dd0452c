package id.lintas.hub.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For operators: deliveries by state (e.g. DEAD), and a retry once the receiver is back. */
@RestController
class DeliveryController {

    private final DeliveryRepository deliveries;
    private final OutboxPublisher outbox;

    DeliveryController(DeliveryRepository deliveries, OutboxPublisher outbox) {
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/deliveries")
    List<Map<String, Object>> byState(@RequestParam(defaultValue = "DEAD") String state) {
        return deliveries.inState(state.toUpperCase(), 200).stream()
                .map(d -> Map.<String, Object>of(
                        "deliveryId", d.id().toString(),
                        "referralId", d.referralId().toString(),
                        "recipient", d.recipientId(),
                        "kind", d.kind(),
                        "state", d.state(),
                        "attempts", d.attempts(),
                        "lastError", d.lastError() == null ? "" : d.lastError()))
                .toList();
    }

    @PostMapping("/api/v1/deliveries/{id}/retry")
    ResponseEntity<Map<String, Object>> retry(@PathVariable UUID id) {
        if (!deliveries.resetForRetry(id)) {
            return ResponseEntity.notFound().build();
        }
        outbox.publish(List.of(id));
        return ResponseEntity.accepted().body(Map.of("deliveryId", id.toString(), "state", DeliveryRecord.PENDING));
    }
}
