package id.lintas.hub.ingest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The regions' HTTP API: a referral or a status change, in the participant's own format. */
@RestController
class IngestController {

    private final Ingest ingest;

    private final IntakeTurns turns;

    IngestController(Ingest ingest, IntakeTurns turns) {
        this.ingest = ingest;
        this.turns = turns;
    }

    @PostMapping(
            value = "/api/v1/participants/{participantId}/referrals",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Object>> referral(
            @PathVariable String participantId,
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        ReferralIntake.Result result;
        // A turn of intake before anything is kept: a refused request leaves nothing behind.
        try (IntakeTurns.Turn turn = turns.forRequest()) {
            result = ingest.referral(participantId, contentType, body);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("referralId", result.referralId().toString());
        answer.put("status", result.status());
        answer.put("destinations", result.destinations());
        if (result.refusal() != null) {
            answer.put("refusal", result.refusal());
        }
        if (result.notCovered() != null) {
            answer.put("notCovered", result.notCovered());
        }
        answer.put("duplicate", result.duplicate());
        URI self = URI.create("/api/v1/referrals/" + result.referralId());
        return ResponseEntity.accepted().location(self).body(answer);
    }

    @PostMapping(
            value = "/api/v1/participants/{participantId}/status",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Object>> status(
            @PathVariable String participantId,
            @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        id.lintas.hub.lifecycle.StatusService.Result result;
        try (IntakeTurns.Turn turn = turns.forRequest()) {
            result = ingest.status(participantId, contentType, body);
        }
        return ResponseEntity.ok(Map.of(
                "referralId", result.referralId().toString(),
                "status", result.status(),
                "changed", result.changed()));
    }
}
