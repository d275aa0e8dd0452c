package id.lintas.hub.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lintas.hub.delivery.DeliveryRecord;
import id.lintas.hub.delivery.DeliveryRepository;
import id.lintas.hub.lifecycle.ReferralNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the record: a referral's canonical view, its status history and its deliveries. */
@RestController
class ReferralController {

    private final ReferralRepository referrals;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;

    ReferralController(ReferralRepository referrals, DeliveryRepository deliveries, ObjectMapper json) {
        this.referrals = referrals;
        this.deliveries = deliveries;
        this.json = json;
    }

    @GetMapping("/api/v1/referrals/{id}")
    Map<String, Object> referral(@PathVariable String id) throws JsonProcessingException {
        ReferralRecord r = referrals.find(parse(id)).orElseThrow(() -> new ReferralNotFoundException(id));
        Map<String, Object> view = summary(r);
        view.put("canonical", json.readValue(r.canonicalJson(), JsonNode.class));
        view.put("routes", referrals.routes(r.id()));
        view.put("history", referrals.events(r.id()));
        view.put("deliveries", deliveries.forReferral(r.id()).stream().map(ReferralController::delivery).toList());
        return view;
    }

    /** Receivers that have not answered within their agreement's response time. */
    @GetMapping("/api/v1/referrals/overdue")
    List<ReferralRepository.Overdue> overdue(@RequestParam(defaultValue = "100") int limit) {
        return referrals.overdue(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/api/v1/referrals")
    List<Map<String, Object>> list(@RequestParam String participant, @RequestParam(defaultValue = "50") int limit) {
        return referrals.involving(participant, Math.min(Math.max(limit, 1), 500)).stream()
                .map(ReferralController::summary)
                .toList();
    }

    private static Map<String, Object> summary(ReferralRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("referralId", r.id().toString());
        view.put("sender", r.senderId());
        view.put("sourceReference", r.sourceReference());
        view.put("revision", r.revision());
        view.put("kind", r.kind());
        view.put("urgency", r.urgency());
        view.put("status", r.status());
        view.put("destination", r.destinationId());
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("requested", r.requestedRegion());
        regions.put("domicile", r.domicileRegion());
        regions.put("incident", r.incidentRegion());
        regions.put("reporting", r.reportingRegion());
        view.put("regions", regions);
        view.put("reportedAt", r.reportedAt());
        view.put("createdAt", r.createdAt());
        view.put("updatedAt", r.updatedAt());
        return view;
    }

    private static Map<String, Object> delivery(DeliveryRecord d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deliveryId", d.id().toString());
        view.put("recipient", d.recipientId());
        view.put("kind", d.kind());
        view.put("status", d.status());
        view.put("state", d.state());
        view.put("attempts", d.attempts());
        view.put("lastError", d.lastError());
        view.put("deliveredAt", d.deliveredAt());
        return view;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ReferralNotFoundException(id);
        }
    }
}
